import { z } from 'zod';
import type { Db } from '../store/db.js';
import { gap } from '../analytics/gap.js';
import { AsOfParam, Measure, PositiveInt, Since } from './analytics-params.js';

export const GapParams = z.strictObject({
  as_of: AsOfParam,
  measure: Measure,
  since: Since.optional(),
  max_age_days: PositiveInt(36500).optional(),
});
export type GapParams = z.infer<typeof GapParams>;

/** The open-closed frontier gap over time, with months-to-reach per closed record and its trend. */
export function gapView(db: Db, p: GapParams) {
  return gap(db, { asOf: p.as_of, measure: p.measure, since: p.since, maxAgeDays: p.max_age_days });
}
