import { z } from 'zod';
import { ACCESS_CHANNELS, QueryDate } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { queries } from '../store/queries.js';


/** Filters of the releases list, shared by the CLI flags and the HTTP query string. */
export const ReleasesParams = z.strictObject({
  org: z.string().min(1).optional(),
  country: z.string().regex(/^[A-Za-z]{2}$/, { error: 'expected a two-letter country code such as US' }).transform((s) => s.toUpperCase()).optional(),
  access: z.enum(ACCESS_CHANNELS).optional(),
  since: QueryDate('start').optional(),
  until: QueryDate('end').optional(),
  q: z.string().min(1).max(200).optional(),
});
export type ReleasesParams = z.infer<typeof ReleasesParams>;

export async function releasesView(db: Db, params: ReleasesParams) {
  return queries.releases(db, params);
}
