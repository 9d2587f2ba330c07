import { z } from 'zod';
import { ACCESS_CHANNELS } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { queries } from '../store/queries.js';

const Day = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD' });
const completeDate = (v: string) => (v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v);

/** Filters of the releases list, shared by the CLI flags and the HTTP query string. */
export const ReleasesParams = z.strictObject({
  org: z.string().min(1).optional(),
  country: z.string().regex(/^[A-Za-z]{2}$/, { error: 'expected a two-letter country code such as US' }).transform((s) => s.toUpperCase()).optional(),
  access: z.enum(ACCESS_CHANNELS).optional(),
  since: Day.transform(completeDate).optional(),
  until: Day.optional(),
  q: z.string().min(1).optional(),
});
export type ReleasesParams = z.infer<typeof ReleasesParams>;

export async function releasesView(db: Db, params: ReleasesParams) {
  // `until 2024` means through the end of 2024, not its first day.
  const until = params.until === undefined ? undefined : params.until.length === 4 ? `${params.until}-12-31` : params.until.length === 7 ? lastDayOfMonth(params.until) : params.until;
  return queries.releases(db, { ...params, until });
}

function lastDayOfMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  const day = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return `${ym}-${String(day).padStart(2, '0')}`;
}
