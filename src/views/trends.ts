import { z } from 'zod';
import type { Db } from '../store/db.js';
import { trends } from '../analytics/trends.js';
import { AsOfParam, Country, Rollup, Since } from './analytics-params.js';

export const TrendsParams = z.strictObject({
  as_of: AsOfParam,
  by: z.enum(['org', 'country']).default('org'),
  period: z.enum(['year', 'half', 'quarter']).default('year'),
  metric: z.enum(['open-weights-share', 'mof-class', 'osai-score']).default('open-weights-share'),
  org: z.string().min(1).optional(),
  country: Country.optional(),
  since: Since.optional(),
  rollup: Rollup.optional(),
});
export type TrendsParams = z.infer<typeof TrendsParams>;

/** Openness per lab or country per period (the trajectories page). */
export function trendsView(db: Db, p: TrendsParams) {
  return trends(db, { asOf: p.as_of, by: p.by, period: p.period, metric: p.metric, org: p.org, country: p.country, since: p.since, rollup: p.rollup });
}
