import { addDays } from '../../analytics/as-of.js';
import { round } from '../../analytics/best-open.js';
import { DEFAULT_MAX_AGE_DAYS, resolveMeasure } from '../../analytics/measures.js';
import { runQuery } from '../../analytics/sql.js';
import type { Db } from '../../store/db.js';
import { verdictFromConditions, type ConditionRule } from '../conditions.js';
import type { AnalysisOutcome, EvidenceRow, MetricValue } from '../types.js';

export interface CapabilityRankParams { releases?: string[]; measure?: string; window_days?: number; peer_orgs?: string[]; max_age_days?: number }

interface Scored { id: string; name: string; org: string; ancestors: string[]; countries: string[]; date: string; day: string; weights_available: boolean; access: string; license: string | null; score: number; observed: string; sources: string }

/**
 * How a release scored against its contemporaries: releases of other labs dated within
 * `window_days` (default 90) either side of it, compared on one measure as of the date. With
 * several subject releases (sizes of one family) the best-scoring one stands for them.
 * `peer_orgs` names labs whose best contemporary is compared one by one (peer_orgs_above); a
 * named lab covers every lab under it (alphabet: Google and Google DeepMind).
 */
export async function checkCapabilityRank(db: Db, p: CapabilityRankParams, rule: ConditionRule, asOf: string): Promise<AnalysisOutcome> {
  const measure = resolveMeasure(p.measure);
  const window = p.window_days ?? 90;
  const scored = await runQuery<Scored>(db, 'scored-releases', { as_of: asOf, measure, max_age: p.max_age_days ?? DEFAULT_MAX_AGE_DAYS });
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
