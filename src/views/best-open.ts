import { z } from 'zod';
import type { Db } from '../store/db.js';
import { bestOpen } from '../analytics/best-open.js';
import { AsOfParam, Measure, PositiveInt } from './analytics-params.js';

export const BestOpenParams = z.strictObject({
  as_of: AsOfParam,
  measure: Measure,
  top: PositiveInt(100).default(10),
  by: z.literal('country').default('country'),
  max_age_days: PositiveInt(36500).optional(),
});
export type BestOpenParams = z.infer<typeof BestOpenParams>;

/** The best open-weights releases at a date and each country's share of the top N. */
export function bestOpenView(db: Db, p: BestOpenParams) {
  return bestOpen(db, { asOf: p.as_of, measure: p.measure, top: p.top, maxAgeDays: p.max_age_days });
}
