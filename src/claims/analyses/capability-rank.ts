import { addDays } from '../../analytics/as-of.js';
import { round } from '../../analytics/best-open.js';
import { DEFAULT_MAX_AGE_DAYS, resolveMeasure } from '../../analytics/measures.js';
import { runQuery } from '../../analytics/sql.js';
import type { Db } from '../../store/db.js';
import { verdictFromConditions, type ConditionRule } from '../conditions.js';
import { evidenceWindow } from '../../analytics/evidence-window.js';
import { acrossMeasures, type EvidencePolicy } from '../across-measures.js';
import type { AnalysisOutcome, EvidenceRow, MetricValue } from '../types.js';

export interface CapabilityRankParams extends EvidencePolicy { releases?: string[]; measure?: string; window_days?: number; peer_orgs?: string[]; max_age_days?: number }

interface Scored { id: string; name: string; org: string; ancestors: string[]; countries: string[]; date: string; day: string; weights_available: boolean; access: string; license: string | null; score: number; observed: string; sources: string }

/**
 * How a release scored against its contemporaries: releases of other labs dated within
 * `window_days` (default 90) either side of it, compared on one measure as of the date. With
 * several subject releases (sizes of one family) the best-scoring one stands for them.
 * `peer_orgs` names labs whose best contemporary is compared one by one (peer_orgs_above); a
 * named lab covers every lab under it (alphabet: Google and Google DeepMind).
 */
export async function checkCapabilityRank(db: Db, p: CapabilityRankParams, rule: ConditionRule, asOf: string): Promise<AnalysisOutcome> {
  const window = p.window_days ?? 90;
  const maxAge = p.max_age_days ?? DEFAULT_MAX_AGE_DAYS;
  // The comparison is about the period around the releases checked, so its evidence window is
  // that period: flagships of every lab released within window_days of them, and scores fresh
  // for the period's end (or the as-of date, if earlier), not for a later as-of date.
  // With peer labs named, the releases that matter are theirs and the subject lab's.
  const subjects = await runQuery<{ id: string; org: string; day: string }>(db, 'release-days', { ids: (p.releases ?? []).join(',') });
  const days = subjects.map((r) => r.day);
  const orgs = p.peer_orgs?.length ? [...new Set([...subjects.map((r) => r.org), ...p.peer_orgs])] : undefined;
  const from = days.length ? addDays(days[0]!, -window) : undefined;
  const end = days.length ? addDays(days.at(-1)!, window) : asOf;
  const freshTo = end < asOf ? end : asOf;
  const measures = (p.measures ?? [p.measure ?? '']).map((m) => resolveMeasure(m || undefined));
  return acrossMeasures(measures, p, async (measure) => ({
    outcome: await onMeasure(db, p, rule, asOf, measure, freshTo),
    window: await evidenceWindow(db, { asOf, measure, scope: 'all', maxAgeDays: maxAge, freshTo, ...(orgs ? { orgs } : {}), ...(from ? { from, to: end } : {}) }),
  }));
}

async function onMeasure(db: Db, p: CapabilityRankParams, rule: ConditionRule, asOf: string, measure: string, freshTo: string): Promise<AnalysisOutcome> {
  const window = p.window_days ?? 90;
  const scored = await runQuery<Scored>(db, 'scored-releases', { as_of: asOf, measure, max_age: p.max_age_days ?? DEFAULT_MAX_AGE_DAYS, fresh_to: freshTo });
  const subjects = scored.filter((s) => p.releases?.includes(s.id));
  const subject = subjects[0];
  const params = { releases: p.releases ?? [], measure, window_days: window, peer_orgs: p.peer_orgs ?? [] };
  const row = (s: Scored, note: string): EvidenceRow => ({ kind: 'release', id: s.id, name: s.name, date: s.date, org: s.org, countries: s.countries, score: s.score, observed: s.observed, access: s.access, license: s.license, note, sources: s.sources ? s.sources.split(',') : [] });
  const empty: Record<string, MetricValue> = { score: null, contemporaries: 0, rank: null, share_above: null, gap_to_best: null, peer_orgs_above: null, peer_orgs: (p.peer_orgs ?? []).length };
  if (!subject) {
    return { verdict: 'not-enough-data', metrics: empty, params, conditions: [], evidence: [], missing: `none of ${params.releases.join(', ')} has a ${measure} score as of ${asOf}` };
  }
  const lo = addDays(subject.day, -window);
  const hi = addDays(subject.day, window);
  const contemporaries = scored.filter((s) => s.org !== subject.org && s.day >= lo && s.day <= hi);
  const above = contemporaries.filter((s) => s.score > subject.score);
  const best = contemporaries[0];
  const peerBest = new Map<string, Scored>();
  for (const s of contemporaries) {
    const peer = p.peer_orgs?.find((o) => s.ancestors.includes(o));
    if (peer && !peerBest.has(peer)) peerBest.set(peer, s);
  }
  const metrics: Record<string, MetricValue> = {
    score: subject.score,
    contemporaries: contemporaries.length,
    rank: above.length + 1,
    share_above: contemporaries.length ? round(above.length / contemporaries.length) : null,
    gap_to_best: best ? round(best.score - subject.score, 2) : null,
    peer_orgs_above: p.peer_orgs ? [...peerBest.values()].filter((s) => s.score > subject.score).length : null,
    peer_orgs: (p.peer_orgs ?? []).length,
  };
  const evidence = [
    row(subject, `the release checked (best of ${subjects.map((s) => s.id).join(', ')})`),
    ...contemporaries.slice(0, 10).map((s) => row(s, `${s.score > subject.score ? 'outscored it' : 'scored at or below it'}; released within ${window} days`)),
  ];
  for (const [peer, s] of peerBest) if (!evidence.some((e) => e.id === s.id)) evidence.push(row(s, `best contemporary of ${peer}`));
  if (contemporaries.length === 0) {
    return { verdict: 'not-enough-data', metrics, params, conditions: [], evidence, missing: `no release of another lab within ${window} days of ${subject.id} has a ${measure} score as of ${asOf}` };
  }
  return { ...verdictFromConditions(rule, metrics), metrics, params, evidence };
}
