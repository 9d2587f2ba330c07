import type { Db } from '../store/db.js';
import { addDays } from './as-of.js';
import { round } from './best-open.js';
import { DEFAULT_MAX_AGE_DAYS } from './measures.js';
import { runQuery } from './sql.js';

/** Which releases a capability answer is about: open-weights ones (best-open, choose) or all (gap). */
export type EvidenceScope = 'open-weights' | 'all';

/**
 * How current the evidence on a measure is:
 * - `full`: every flagship in scope released in the window has a fresh score;
 * - `partial`: some have one, some do not;
 * - `stale`: the measure has observations, but none fresh for the date (or none of the window's
 *   flagships is scored);
 * - `none`: the measure has no observation on or before the date.
 */
export type EvidenceStatus = 'full' | 'partial' | 'stale' | 'none';

export interface WindowRelease {
  id: string;
  name: string;
  org: string;
  date: string;
  flagship: boolean;
  open_weights: boolean;
}

export interface EvidenceWindow {
  measure: string;
  as_of: string;
  scope: EvidenceScope;
  /** The labs in scope, when not all of them. */
  orgs: string[] | null;
  /** The freshness window: scores observed before `window_start` are not used. */
  window_start: string;
  window_end: string;
  max_age_days: number;
  /** The newest observation of the measure known on the date (any release). */
  newest_observation: string | null;
  /** Releases in scope released after the newest observation: none of them can be scored. */
  released_after: { count: number; flagships: number; releases: WindowRelease[] };
  /** Flagships in scope released from `from` to `to` (by default the freshness window), and how many have a fresh score. */
  coverage: { from: string; to: string; scored_flagships: number; flagships: number; share: number | null; unscored: WindowRelease[] };
  status: EvidenceStatus;
}

interface Row extends WindowRelease {
  scored: boolean;
  after_newest: boolean;
  flagship_in_window: boolean;
  newest: string | null;
}

export interface WindowOptions {
  asOf: string;
  measure: string;
  scope: EvidenceScope;
  maxAgeDays?: number;
  /** The releases whose flagships count (default: the freshness window up to the date). */
  from?: string;
  to?: string;
  /** The day freshness counts back from (default: the date). */
  freshTo?: string;
  /** Only releases of these labs are in scope (default: every lab). */
  orgs?: string[];
}

/**
 * The evidence window of a capability answer on one measure: what the newest observation is,
 * which releases in scope came out after it and so cannot be ranked, and what share of the
 * window's flagships are scored. The window counts back `max_age_days` from the as-of date.
 */
export async function evidenceWindow(db: Db, o: WindowOptions): Promise<EvidenceWindow> {
  const maxAge = o.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const freshTo = o.freshTo ?? o.asOf;
  const windowStart = addDays(freshTo, -maxAge);
  const from = o.from ?? windowStart;
  const to = o.to && o.to < o.asOf ? o.to : o.asOf;
  const rows = await runQuery<Row>(db, 'evidence-window', { as_of: o.asOf, measure: o.measure, scope: o.scope, max_age: maxAge, fresh_to: freshTo, from, to, orgs: o.orgs?.length ? o.orgs.join(',') : null });
  const [{ newest } = { newest: null }] = await runQuery<{ newest: string | null }>(db, 'measure-newest', { as_of: o.asOf, measure: o.measure });
  const strip = ({ scored: _s, after_newest: _a, flagship_in_window: _f, newest: _n, ...r }: Row): WindowRelease => r;
  const after = newest ? rows.filter((r) => r.after_newest) : [];
  const flagships = rows.filter((r) => r.flagship_in_window);
  const scored = flagships.filter((r) => r.scored).length;
  const share = flagships.length ? round(scored / flagships.length) : null;
  const fresh = newest !== null && newest >= windowStart;
  const status: EvidenceStatus =
    newest === null ? 'none'
    : !fresh || (flagships.length > 0 && scored === 0) ? 'stale'
    : share === null || share === 1 ? 'full' : 'partial';
  return {
    measure: o.measure, as_of: o.asOf, scope: o.scope, orgs: o.orgs?.length ? o.orgs : null, window_start: windowStart, window_end: freshTo, max_age_days: maxAge, newest_observation: newest,
    released_after: { count: after.length, flagships: after.filter((r) => r.flagship).length, releases: after.map(strip) },
    coverage: { from, to, scored_flagships: scored, flagships: flagships.length, share, unscored: flagships.filter((r) => !r.scored).map(strip) },
    status,
  };
}

/** The window in one line: "lmarena-text [stale]: newest score 2025-08-04; 0 of 19 open flagships released 2025-12-03 to 2026-12-03 scored (0%); 117 open releases (35 flagships) came out after it, unscored". */
export function describeWindow(w: EvidenceWindow): string {
  const kind = w.scope === 'open-weights' ? 'open ' : '';
  if (w.newest_observation === null) return `${w.measure}: no score on or before ${w.as_of}`;
  const cov = w.coverage.flagships
    ? `${w.coverage.scored_flagships} of ${w.coverage.flagships} ${kind}flagships released ${w.coverage.from} to ${w.coverage.to} scored (${Math.round((w.coverage.share ?? 0) * 100)}%)`
    : `no ${kind}flagship released ${w.coverage.from} to ${w.coverage.to}`;
  const after = w.released_after.count
    ? `; ${w.released_after.count} ${kind}releases (${w.released_after.flagships} flagships) came out after it, unscored`
    : '';
  return `${w.measure} [${w.status}]: newest score ${w.newest_observation}${w.newest_observation < w.window_start ? ` (older than the window, which starts ${w.window_start})` : ''}; ${cov}${after}`;
}
