import { z } from 'zod';
import type { Db } from '../store/db.js';
import { signals } from '../analytics/signals.js';
import { AsOfParam, PositiveInt, Rollup } from './analytics-params.js';

export const SignalsParams = z.strictObject({
  as_of: AsOfParam,
  org: z.string().min(1).optional(),
  direction: z.enum(['retreat', 'advance']).optional(),
  period: z.enum(['year', 'half', 'quarter']).default('half'),
  window_days: PositiveInt(3650).default(180),
  rollup: Rollup.optional(),
});
export type SignalsParams = z.infer<typeof SignalsParams>;

/** Retreat and advance signals with their evidence and the events around them, newest first. */
export async function signalsView(db: Db, p: SignalsParams) {
  const list = await signals(db, { asOf: p.as_of, org: p.org, period: p.period, windowDays: p.window_days, rollup: p.rollup });
  const rows = list.filter((s) => !p.direction || s.direction === p.direction).reverse();
  return { as_of: p.as_of, signals: rows };
}
