import { addMonths, monthsBetween } from '../../analytics/as-of.js';
import { round } from '../../analytics/best-open.js';
import { signals } from '../../analytics/signals.js';
import { runQuery } from '../../analytics/sql.js';
import type { Db } from '../../store/db.js';
import { verdictFromConditions, type ConditionRule } from '../conditions.js';
import type { AnalysisOutcome, EvidenceRow, MetricValue } from '../types.js';

export interface LabOpennessParams { orgs?: string[]; group?: string; country?: string; window_months?: number; min_releases?: number }

interface Rel { id: string; name: string; org: string; countries: string[]; date: string; day: string; flagship: boolean; weights_available: boolean; access: string; license: string | null; sources: string[] | null }

const MAX_ROWS = 12;

const share = (n: number, d: number): MetricValue => (d === 0 ? null : round(n / d));

/**
 * How open a lab, a group of labs or a country's labs have been as of a date: releases and
 * flagships with downloadable weights ever, in the last `window_months` (default 24) and in the
 * window before, months since the last open release and open flagship, and retreat and advance
 * signals in the window. The claim's rule states which values support it. Not enough data when
 * fewer than `min_releases` (default 1) releases fall in the window.
 */
export async function checkLabOpenness(db: Db, p: LabOpennessParams, rule: ConditionRule, asOf: string): Promise<AnalysisOutcome> {
  const windowMonths = p.window_months ?? 24;
  const minReleases = p.min_releases ?? 1;
  const orgs = p.orgs ?? [];
  const rels = await runQuery<Rel>(db, 'lab-releases', { as_of: asOf, orgs: orgs.join(','), group: p.group ?? null, country: p.country ?? null });
  const start = addMonths(asOf, -windowMonths);
  const priorStart = addMonths(asOf, -2 * windowMonths);
  const inWindow = rels.filter((r) => r.day > start);
  const prior = rels.filter((r) => r.day > priorStart && r.day <= start);
  const open = (xs: Rel[]) => xs.filter((r) => r.weights_available);
  const flag = (xs: Rel[]) => xs.filter((r) => r.flagship);
  const lastOpen = open(rels)[0];
  const lastOpenFlagship = open(flag(rels))[0];
  const subjectOrgs = new Set(rels.map((r) => r.org));
  // A group's signals are those of the group as one lab (rolled up), so a later open Gemma under
  // Google DeepMind is seen after Google's own releases.
  const sigs = p.group
    ? (await signals(db, { asOf, org: p.group, rollup: true })).filter((s) => s.day > start)
    : (subjectOrgs.size === 1 ? await signals(db, { asOf, org: [...subjectOrgs][0] }) : await signals(db, { asOf })).filter((s) => subjectOrgs.has(s.org) && s.day > start);

  const metrics: Record<string, MetricValue> = {
    releases_ever: rels.length,
    open_ever: open(rels).length,
    open_share_ever: share(open(rels).length, rels.length),
    releases_window: inWindow.length,
    open_window: open(inWindow).length,
    open_share_window: share(open(inWindow).length, inWindow.length),
    open_share_prior: share(open(prior).length, prior.length),
    open_share_change: null,
    flagships_window: flag(inWindow).length,
    open_flagships_window: open(flag(inWindow)).length,
    flagship_open_share_window: share(open(flag(inWindow)).length, flag(inWindow).length),
    flagship_open_share_prior: share(open(flag(prior)).length, flag(prior).length),
    months_since_last_open_release: lastOpen ? monthsBetween(lastOpen.day, asOf) : null,
    months_since_last_open_flagship: lastOpenFlagship ? monthsBetween(lastOpenFlagship.day, asOf) : null,
    retreat_signals_window: sigs.filter((s) => s.direction === 'retreat').length,
    advance_signals_window: sigs.filter((s) => s.direction === 'advance').length,
  };
  if (metrics.open_share_window !== null && metrics.open_share_prior !== null) metrics.open_share_change = round(metrics.open_share_window! - metrics.open_share_prior!);

  const row = (r: Rel, note: string): EvidenceRow => ({ kind: 'release', id: r.id, name: r.name, date: r.date, org: r.org, countries: r.countries, access: r.access, license: r.license, note, sources: r.sources ?? [] });
  // Evidence stays readable: the newest flagships and signals; the metrics count all of them.
  const evidence: EvidenceRow[] = flag(inWindow).slice(0, MAX_ROWS).map((r) => row(r, `flagship in the last ${windowMonths} months, ${r.weights_available ? 'weights downloadable' : 'no downloadable weights'}`));
  if (lastOpenFlagship && !inWindow.includes(lastOpenFlagship)) evidence.push(row(lastOpenFlagship, 'last flagship with downloadable weights'));
  if (lastOpen && !evidence.some((e) => e.id === lastOpen.id)) evidence.push(row(lastOpen, 'last release with downloadable weights'));
  for (const s of [...sigs].sort((a, b) => b.day.localeCompare(a.day)).slice(0, MAX_ROWS)) evidence.push({ kind: 'signal', id: `${s.org}:${s.kind}:${s.day}`, name: s.title, date: s.date, org: s.org, note: `${s.direction} signal (${s.kind})`, sources: s.sources });

  const params = { orgs, group: p.group ?? null, country: p.country ?? null, window_months: windowMonths, min_releases: minReleases };
  if (inWindow.length < minReleases) {
    return { verdict: 'not-enough-data', metrics, params, conditions: [], evidence, missing: `${inWindow.length} release(s) in the ${windowMonths} months before ${asOf}; the check needs ${minReleases}` };
  }
  return { ...verdictFromConditions(rule, metrics), metrics, params, evidence };
}
