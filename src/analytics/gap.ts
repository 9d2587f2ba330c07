import type { Db } from '../store/db.js';
import { monthEnd, monthsBetween, addMonths } from './as-of.js';
import { frontierRows, round } from './best-open.js';
import { DEFAULT_MAX_AGE_DAYS } from './measures.js';
import { runQuery } from './sql.js';
import { evidenceWindow, type EvidenceWindow } from './evidence-window.js';

export interface GapPoint {
  date: string;
  best_open: number | null;
  best_open_release: string | null;
  best_closed: number | null;
  best_closed_release: string | null;
  /** best_closed - best_open, in the measure's units. */
  gap: number | null;
}

export interface GapRecord {
  /** The month-end at which a closed release first set this score. */
  date: string;
  closed_release: string;
  score: number;
  /** When the best open-weights release first reached the score; null while not yet. */
  reached_on: string | null;
  open_release: string | null;
  lag_months: number | null;
  /** For a score not reached yet: months it has been waiting as of the date. */
  waiting_months: number | null;
}

export interface GapTrend {
  /** Change of the lag per year of closed records, from a least-squares line; null with fewer than 3 reached records. */
  slope_months_per_year: number | null;
  direction: 'shrinking' | 'growing' | 'flat' | 'unknown';
  reached_records: number;
  mean_lag_months: number | null;
}

export interface Gap {
  as_of: string;
  measure: string;
  series: GapPoint[];
  records: GapRecord[];
  trend: GapTrend;
  /** Open models at the date stand where the closed frontier stood this many months earlier (0 when open leads). */
  behind_months: number | null;
  /** The newest observation of the measure on or before the date: lags after it reflect missing data as much as progress. */
  newest_observation: string | null;
  /** How current the scores are at the as-of date, open and closed releases alike. */
  window: EvidenceWindow;
}

/** Month-ends from a first day to an as-of day; the last point is the as-of day itself. */
export function monthEnds(first: string, asOf: string): string[] {
  const out: string[] = [];
  for (let d = monthEnd(first); d < asOf; d = monthEnd(addMonths(`${d.slice(0, 7)}-01`, 1))) out.push(d);
  out.push(asOf);
  return out;
}

/**
 * The open-closed frontier gap: at each month-end, the best open-weights and the best closed
 * score on one measure; for each new closed record, how many months open models took to reach
 * it; and whether that lag is shrinking. Dates are month-ends, so lags are whole months.
 */
export async function gap(db: Db, o: { asOf: string; measure: string; maxAgeDays?: number; since?: string }): Promise<Gap> {
  const [range] = await runQuery<{ first: string | null; last: string | null }>(db, 'measure-dates', { measure: o.measure, as_of: o.asOf });
  const window = await evidenceWindow(db, { asOf: o.asOf, measure: o.measure, scope: 'all', ...(o.maxAgeDays ? { maxAgeDays: o.maxAgeDays } : {}) });
  const first = o.since && range?.first && o.since > range.first ? o.since : range?.first;
  const empty: Gap = { as_of: o.asOf, measure: o.measure, series: [], records: [], trend: { slope_months_per_year: null, direction: 'unknown', reached_records: 0, mean_lag_months: null }, behind_months: null, newest_observation: null, window };
  if (!first) return empty;
  const dates = monthEnds(first, o.asOf);
  const rows = await frontierRows(db, { measure: o.measure, dates, maxAgeDays: o.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS });
  const series: GapPoint[] = dates.map((date) => ({ date, best_open: null, best_open_release: null, best_closed: null, best_closed_release: null, gap: null }));
  const at = new Map(series.map((p) => [p.date, p]));
  for (const r of rows) {
    const p = at.get(r.day)!;
    if (r.open_weights && (p.best_open === null || r.score > p.best_open)) Object.assign(p, { best_open: r.score, best_open_release: r.id });
    if (!r.open_weights && (p.best_closed === null || r.score > p.best_closed)) Object.assign(p, { best_closed: r.score, best_closed_release: r.id });
  }
  for (const p of series) p.gap = p.best_open !== null && p.best_closed !== null ? round(p.best_closed - p.best_open, 2) : null;

  const records: GapRecord[] = [];
  let top = -Infinity;
  for (const p of series) {
    if (p.best_closed === null || p.best_closed <= top) continue;
    top = p.best_closed;
    const reached = series.find((q) => q.date >= p.date && q.best_open !== null && q.best_open >= p.best_closed!);
    records.push({
      date: p.date, closed_release: p.best_closed_release!, score: p.best_closed,
      reached_on: reached?.date ?? null, open_release: reached?.best_open_release ?? null,
      lag_months: reached ? monthsBetween(p.date, reached.date) : null,
      waiting_months: reached ? null : monthsBetween(p.date, o.asOf),
    });
  }
  const last = series.at(-1);
  let behind: number | null = null;
  if (last?.best_open != null) {
    // The first month the closed frontier stood where open models stand now.
    const matched = series.find((q) => q.best_closed !== null && q.best_closed >= last.best_open!);
    behind = matched ? monthsBetween(matched.date, last.date) : 0;
  }
  return { as_of: o.asOf, measure: o.measure, series, records, trend: lagTrend(records), behind_months: behind, newest_observation: range?.last ?? null, window };
}

/** Least-squares slope of the lag against the date of each reached closed record. */
export function lagTrend(records: GapRecord[]): GapTrend {
  const pts = records.filter((r) => r.lag_months !== null).map((r) => ({ x: yearFraction(r.date), y: r.lag_months! }));
  const mean = pts.length ? round(pts.reduce((s, p) => s + p.y, 0) / pts.length, 2) : null;
  if (pts.length < 3) return { slope_months_per_year: null, direction: 'unknown', reached_records: pts.length, mean_lag_months: mean };
  const mx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const my = pts.reduce((s, p) => s + p.y, 0) / pts.length;
  const sxx = pts.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : pts.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  // Within a month per year either way reads as flat: lags are measured in whole months.
  const direction = slope < -1 ? 'shrinking' : slope > 1 ? 'growing' : 'flat';
  return { slope_months_per_year: round(slope, 2), direction, reached_records: pts.length, mean_lag_months: mean };
}

function yearFraction(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return y! + (m! - 1) / 12 + (d! - 1) / 365;
}
