import type { Db } from '../store/db.js';
import { queries } from '../store/queries.js';

export const licensesView = (db: Db) => queries.licenses(db);

/** One license with its structured terms parsed back from JSON; undefined if unknown. */
export async function licenseView(db: Db, id: string) {
  const row = await queries.license(db, id);
  if (!row) return undefined;
  const { terms_json, ...rest } = row as Record<string, unknown> & { terms_json: string | null };
  const sources = await queries.recordSources(db, 'license', id);
  return { ...rest, terms: terms_json ? JSON.parse(terms_json) : null, sources };
}
