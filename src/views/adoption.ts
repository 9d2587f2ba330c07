import { z } from 'zod';
import type { Db } from '../store/db.js';
import { adoption, type Adoption } from '../analytics/adoption.js';
import { AsOfParam, Rollup, Since } from './analytics-params.js';
import { hubAdoption, type HubAdoption } from '../hub/queries.js';
import { openHubDb } from '../hub/store.js';
import { defaultHubDir } from '../hub/paths.js';

export const AdoptionParams = z.strictObject({
  as_of: AsOfParam,
  by: z.enum(['country', 'org']).default('country'),
  period: z.enum(['month', 'quarter', 'year']).default('month'),
  since: Since.optional(),
  org: z.string().min(1).optional(),
  rollup: Rollup.optional(),
  /** Which attribution rule the whole-Hub figures use (when a Hub snapshot was ingested). */
  rule: z.enum(['root', 'uploader', 'both']).default('both'),
});
export type AdoptionParams = z.infer<typeof AdoptionParams>;

/** Hugging Face downloads and derivatives by origin per period, and relative adoption per release. */
export async function adoptionView(db: Db, p: AdoptionParams, hubDir: string = defaultHubDir()): Promise<Adoption & { hub?: HubAdoption }> {
  const curated = await adoption(db, { asOf: p.as_of, by: p.by, period: p.period, since: p.since, org: p.org, rollup: p.rollup });
  // The whole-Hub aggregates, when `aperture hub ingest` has written a snapshot; the curated
  // observations otherwise (and always beside them).
  // A Hub database being written by an ingest cannot be opened: the curated figures still answer.
  const hdb = await openHubDb(hubDir, { readOnly: true }).catch(() => undefined);
  if (!hdb) return curated;
  try {
    const hub = await hubAdoption(hdb, { asOf: p.as_of, by: p.by, rule: p.rule });
    return hub ? { ...curated, hub } : curated;
  } finally {
    hdb.close();
  }
}
