import type { Db } from '../store/db.js';
import { runQuery } from './sql.js';
import { rubricMetric, type RubricMetric } from './rubrics.js';

export type TrendBy = 'org' | 'country';
export type Period = 'year' | 'half' | 'quarter';
export type TrendMetric = 'open-weights-share' | RubricMetric;

export interface TrendOptions {
  asOf: string;
  by: TrendBy;
  period: Period;
  metric: TrendMetric;
  org?: string;
  country?: string;
  since?: string;
  /** By lab: roll each lab up to its group (the top of its parent chain, e.g. Google DeepMind to Alphabet). */
  rollup?: boolean;
}

export interface FlagshipInfo {
  id: string;
  name: string;
  org: string;
  date: string;
  access: string;
  open_weights: boolean;
  license: string | null;
  /** Model Openness Framework class reached (3, 2, 1) or null; from the stored rubric results. */
  mof_class: number | null;
  /** Open Source AI Index score, 0-1. */
  osai_score: number | null;
}

export interface TrendRow {
  group: string;
  group_name: string;
  period: string;
  /** By country, a release of a lab with n countries counts 1/n in each, so these can be fractional. */
  releases: number;
  open_weights: number;
  open_share: number;
  flagships: number;
  open_flagships: number;
  flagship: FlagshipInfo | null;
  /** Rubric distribution (mof-class: counts per class) or mean score (osai-score), when asked for. */
  rubric?: Record<string, number | null>;
}

export interface Trends {
  as_of: string;
  by: TrendBy;
  period: Period;
  metric: TrendMetric;
  rollup: boolean;
  rows: TrendRow[];
  /** Releases left out because their date is too coarse for the period (year-only dates by quarter). */
  unplaced: number;
}

/** Openness per lab or country per period: releases, share with open weights, flagships, rubric results. */
export async function trends(db: Db, o: TrendOptions): Promise<Trends> {
  const params = { as_of: o.asOf, by: o.by, period: o.period, org: o.org ?? null, country: o.country ?? null, since: o.since ?? null, rollup: o.rollup ?? false };
  const rows = await runQuery<TrendRow>(db, 'trends', params);
  const [unplaced] = await runQuery<{ n: number }>(db, 'trends-unplaced', params);
  if (o.metric !== 'open-weights-share') {
    const byKey = await rubricMetric(db, o.metric, params);
    for (const row of rows) row.rubric = byKey.get(`${row.group}|${row.period}`) ?? {};
  }
  return { as_of: o.asOf, by: o.by, period: o.period, metric: o.metric, rollup: o.rollup ?? false, rows, unplaced: unplaced?.n ?? 0 };
}
