import { z } from 'zod';
import type { Db } from '../store/db.js';
import { adoption } from '../analytics/adoption.js';
import { AsOfParam, Rollup, Since } from './analytics-params.js';

export const AdoptionParams = z.strictObject({
  as_of: AsOfParam,
  by: z.enum(['country', 'org']).default('country'),
  period: z.enum(['month', 'quarter', 'year']).default('month'),
  since: Since.optional(),
  org: z.string().min(1).optional(),
  rollup: Rollup.optional(),
});
export type AdoptionParams = z.infer<typeof AdoptionParams>;

/** Hugging Face downloads and derivatives by origin per period, and relative adoption per release. */
export function adoptionView(db: Db, p: AdoptionParams) {
  return adoption(db, { asOf: p.as_of, by: p.by, period: p.period, since: p.since, org: p.org, rollup: p.rollup });
}
