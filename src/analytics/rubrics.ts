import type { Db } from '../store/db.js';
import { runQuery } from './sql.js';

export type RubricMetric = 'mof-class' | 'osai-score';

/**
 * Rubric results per trend group and period: for mof-class, releases per Model Openness
 * Framework class (and without one); for osai-score, the mean Open Source AI Index score (0-1).
 */
export async function rubricMetric(
  db: Db,
  metric: RubricMetric,
  p: { as_of: string; by: string; period: string; org: string | null; country: string | null; since: string | null; rollup: boolean },
): Promise<Map<string, Record<string, number | null>>> {
  const rows = await runQuery<Record<string, unknown>>(db, metric === 'mof-class' ? 'trends-mof' : 'trends-osai', p);
  const out = new Map<string, Record<string, number | null>>();
  for (const { grp, period, ...rest } of rows) out.set(`${grp}|${period}`, rest as Record<string, number | null>);
  return out;
}
