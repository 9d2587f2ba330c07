import { bestOpen } from '../../analytics/best-open.js';
import { resolveMeasure } from '../../analytics/measures.js';
import type { Db } from '../../store/db.js';
import { acrossMeasures, type EvidencePolicy } from '../across-measures.js';
import type { AnalysisOutcome } from '../types.js';

export interface BestOpenParams extends EvidencePolicy { measure?: string; top?: number; max_age_days?: number }
export interface BestOpenRule { country?: string; supported_share?: number; partly_supported_share?: number }

/**
 * "The best open models are from country X": the share of the top N open-weights releases on a
 * measure whose lab is in X. Supported at `supported_share` (default all of them), partly at
 * `partly_supported_share` (default half); not enough data with fewer than N scored releases.
 * Checked on each of `measures` (default the one `measure`) whose evidence window has enough
 * scored open flagships.
 */
export async function checkBestOpen(db: Db, p: BestOpenParams, rule: BestOpenRule, asOf: string): Promise<AnalysisOutcome> {
  const measures = (p.measures ?? [p.measure ?? '']).map((m) => resolveMeasure(m || undefined));
  return acrossMeasures(measures, p, async (measure) => {
    const result = await bestOpen(db, { asOf, measure, top: p.top ?? 5, ...(p.max_age_days ? { maxAgeDays: p.max_age_days } : {}) });
    return { outcome: onMeasure(result, measure, p, rule, asOf), window: result.window };
  });
}

function onMeasure(result: Awaited<ReturnType<typeof bestOpen>>, measure: string, p: BestOpenParams, rule: BestOpenRule, asOf: string): AnalysisOutcome {
  const top = p.top ?? 5;
  const country = rule.country!;
  const supportedAt = rule.supported_share ?? 1;
  const partlyAt = rule.partly_supported_share ?? 0.5;
  const count = result.ranking.filter((r) => r.countries.includes(country)).length;
  const share = result.ranking.length ? count / result.ranking.length : null;
  const metrics = { share, top, scored: result.scored, count };
  const evidence = result.ranking.map((r) => ({
    kind: 'release' as const, id: r.id, name: r.name, date: r.date, org: r.org, countries: r.countries, score: r.score,
    observed: r.observed, access: r.access, license: r.license, note: `#${r.rank} open-weights release on ${measure}`, sources: r.sources,
  }));
  const params = { measure, top, country, supported_share: supportedAt, partly_supported_share: partlyAt };
  const conditions = [
    { verdict: 'supported' as const, metric: 'share', value: share, min: supportedAt, holds: share !== null && share >= supportedAt },
    { verdict: 'partly-supported' as const, metric: 'share', value: share, min: partlyAt, holds: share !== null && share >= partlyAt },
  ];
  if (result.scored < top) {
    return { verdict: 'not-enough-data', metrics, params, conditions: [], evidence, missing: `only ${result.scored} open-weights release(s) have a ${measure} score as of ${asOf}; the check needs ${top}` };
  }
  const verdict = conditions[0]!.holds ? 'supported' : conditions[1]!.holds ? 'partly-supported' : 'contradicted';
  return { verdict, metrics, params, conditions, evidence };
}
