import { z } from 'zod';
import type { Db } from '../store/db.js';
import { AsOfParam, Country, Since } from './analytics-params.js';
import { trendsView } from './trends.js';
import { MIN_SAMPLE, periodOf, periodRange } from './sample.js';

export const TrendsPageParams = z.strictObject({
  as_of: AsOfParam,
  by: z.enum(['org', 'country']).default('country'),
  period: z.enum(['year', 'half', 'quarter']).default('year'),
  metric: z.enum(['open-weights-share', 'mof-class', 'osai-score']).default('open-weights-share'),
  org: z.string().min(1).transform((s) => s.toLowerCase()).optional(),
  country: Country.optional(),
  since: Since.optional(),
});
export type TrendsPageParams = z.infer<typeof TrendsPageParams>;

/** Groups drawn as lines: those with the most releases; all groups stay in the table. */
export const TREND_LINES = 6;

/**
 * The trends page: openness per lab or country per period, with every period in range (so gaps
 * show), which groups are drawn, the minimum sample and the period that is not over yet.
 */
export async function trendsPageView(db: Db, p: TrendsPageParams) {
  const t = await trendsView(db, p);
  const sorted = [...new Set(t.rows.map((r) => r.period))].sort();
  const periods = sorted.length ? periodRange(sorted[0]!, sorted[sorted.length - 1]!, p.period) : [];
  const totals = new Map<string, number>();
  for (const r of t.rows) totals.set(r.group, (totals.get(r.group) ?? 0) + r.releases);
  const drawn = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TREND_LINES).map(([g]) => g);
  return { ...t, params: p, periods, drawn, min_sample: MIN_SAMPLE, partial_period: periodOf(p.as_of, p.period) };
}
