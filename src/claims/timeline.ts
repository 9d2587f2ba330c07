import type { Verdict } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { addMonths, monthEnd } from '../analytics/as-of.js';
import { evaluateClaim, type StoredClaim } from './evaluate.js';
import type { MetricValue } from './types.js';

export interface TimelinePoint {
  date: string;
  verdict: Verdict;
  metrics: Record<string, MetricValue>;
}

export interface TimelineSpan {
  from: string;
  to: string;
  verdict: Verdict;
}

export interface Timeline {
  id: string;
  statement: string;
  said: string;
  points: TimelinePoint[];
  /** Consecutive points with the same verdict, merged. */
  spans: TimelineSpan[];
}

/** Dates of a timeline: a month-end every `stepMonths` from `from` to `to`, plus the day the claim was made and `to`. */
export function timelineDates(from: string, to: string, said: string, stepMonths = 3): string[] {
  const dates = new Set<string>();
  for (let d = monthEnd(from); d < to; d = monthEnd(addMonths(`${d.slice(0, 7)}-01`, stepMonths))) dates.add(d);
  if (said >= from && said <= to) dates.add(said);
  dates.add(to);
  return [...dates].sort();
}

/** How a claim's verdict changed over time. `onStep` reports progress (for a progress bar). */
export async function claimTimeline(
  db: Db,
  claim: StoredClaim,
  o: { from: string; to: string; stepMonths?: number; onStep?: (done: number, total: number) => void },
): Promise<Timeline> {
  const dates = timelineDates(o.from, o.to, claim.said, o.stepMonths);
  const points: TimelinePoint[] = [];
  for (const [i, date] of dates.entries()) {
    const r = await evaluateClaim(db, claim, date);
    points.push({ date, verdict: r.verdict, metrics: r.metrics });
    o.onStep?.(i + 1, dates.length);
  }
  const spans: TimelineSpan[] = [];
  for (const p of points) {
    const last = spans.at(-1);
    if (last && last.verdict === p.verdict) last.to = p.date;
    else spans.push({ from: p.date, to: p.date, verdict: p.verdict });
  }
  return { id: claim.id, statement: claim.statement, said: claim.said, points, spans };
}
