import { z } from 'zod';
import type { Db } from '../store/db.js';
import { signals } from '../analytics/signals.js';
import { AsOfParam, Country, List, PositiveInt, Since } from './analytics-params.js';

export const SignalsPageParams = z.strictObject({
  as_of: AsOfParam,
  org: z.string().min(1).transform((s) => s.toLowerCase()).optional(),
  country: List(Country).optional(),
  direction: z.enum(['retreat', 'advance']).optional(),
  period: z.enum(['year', 'half', 'quarter']).default('half'),
  since: Since.optional(),
  window_days: PositiveInt(3650).default(180),
});
export type SignalsPageParams = z.infer<typeof SignalsPageParams>;

/**
 * Retreat and advance signals, newest first, filtered by lab, the countries its lab is based in,
 * direction and date; with counts per direction so the page can say how many of each it shows.
 */
export async function signalsPageView(db: Db, p: SignalsPageParams) {
  const [list, labs] = await Promise.all([
    signals(db, { asOf: p.as_of, org: p.org, period: p.period, windowDays: p.window_days }),
    db.all<{ org: string; countries: string }>(`SELECT org_id AS org, string_agg(country, ',' ORDER BY country) AS countries FROM org_countries GROUP BY org_id`),
  ]);
  const countriesOf = new Map(labs.map((l) => [l.org, l.countries.split(',')]));
  const rows = list
    .map((s) => ({ ...s, countries: countriesOf.get(s.org) ?? [] }))
    .filter((s) => !p.country || s.countries.some((c) => p.country!.includes(c)))
    .filter((s) => !p.since || s.day >= p.since)
    .filter((s) => !p.direction || s.direction === p.direction)
    .reverse();
  const count = (d: string) => rows.filter((s) => s.direction === d).length;
  return { as_of: p.as_of, params: p, retreats: count('retreat'), advances: count('advance'), signals: rows };
}
