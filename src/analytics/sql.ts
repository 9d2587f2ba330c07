import { sqlLoader } from '../lib/sql-files.js';
import type { Db, Params } from '../store/db.js';

/** The text of a named SQL file in src/analytics/sql/ (read once). */
export const analyticsSql = sqlLoader(new URL('./sql/', import.meta.url));

const prepared = new WeakSet<object>();

/**
 * Defines the temporary macros the analytics SQL shares (facts known as of a date, scores as of
 * a date, period keys) once per connection. Temporary objects work on a read-only database.
 */
export async function prepare(db: Db): Promise<void> {
  if (prepared.has(db.connection)) return;
  await db.run(analyticsSql('macros'));
  prepared.add(db.connection);
}

/**
 * Runs a named analytics query after making sure the shared macros exist. Only the parameters
 * the SQL names are bound (DuckDB rejects unused ones), so callers can pass one options object.
 */
export async function runQuery<T = Record<string, unknown>>(db: Db, name: string, params: Record<string, Params[keyof Params]> = {}): Promise<T[]> {
  await prepare(db);
  const sql = analyticsSql(name);
  const used = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql)));
  return db.all<T>(sql, used as Params);
}

