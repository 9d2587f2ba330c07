import type { Db } from '../store/db.js';
import { queries } from '../store/queries.js';

export async function orgsView(db: Db, params: { country?: string }) {
  return queries.orgs(db, { country: params.country?.toUpperCase() });
}

/** One organization with its releases, events and sources; undefined if unknown. */
export async function orgView(db: Db, id: string) {
  const org = await queries.org(db, id);
  if (!org) return undefined;
  const [releases, events, sources] = await Promise.all([
    queries.releases(db, { org: id }),
    queries.orgEvents(db, id),
    queries.recordSources(db, 'org', id),
  ]);
  return { ...org, releases, events, sources };
}
