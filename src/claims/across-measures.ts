import type { Verdict } from '../domain/index.js';
import { describeWindow, type EvidenceWindow } from '../analytics/evidence-window.js';
import { reasonsFor } from './explain.js';
import type { AnalysisOutcome, MeasureVerdict } from './types.js';

/** A measure counts for a claim when at least this share of the window's flagships is scored. */
export const DEFAULT_MIN_COVERAGE = 0.5;

export interface EvidencePolicy {
  measures?: string[];
  min_coverage?: number;
  low_coverage?: 'not-enough-data' | 'flag';
}

/** One measure's outcome and the window it rests on. */
export interface PerMeasure {
  outcome: AnalysisOutcome;
  window: EvidenceWindow;
}

/** Whether a window has enough scored flagships for a verdict to rest on it. */
export function enoughCoverage(w: EvidenceWindow, minCoverage: number): { ok: boolean; reason?: string } {
  const kind = w.scope === 'open-weights' ? 'open ' : '';
  if (w.newest_observation === null) return { ok: false, reason: `no ${w.measure} score on or before ${w.as_of}` };
  const unscoredAfter = w.released_after.flagships ? `; ${w.released_after.flagships} ${kind}flagships released since are unscored` : '';
  const labs = w.orgs ? ` of ${w.orgs.join(', ')}` : '';
  // Only when the newest score falls inside the releases compared does "nothing after it" matter.
  const after = w.newest_observation < w.coverage.to ? `no ${w.measure} score after ${w.newest_observation}${unscoredAfter}; ` : `${w.measure}: `;
  if (w.newest_observation < w.window_start) {
    return { ok: false, reason: `no ${w.measure} score after ${w.newest_observation}, older than the ${w.max_age_days}-day window starting ${w.window_start}${unscoredAfter}` };
  }
  const share = w.coverage.share;
  if (share !== null && share < minCoverage) {
    return {
      ok: false,
      reason: `${after}${w.coverage.scored_flagships} of ${w.coverage.flagships} ${kind}flagships${labs} released ${w.coverage.from} to ${w.coverage.to} are scored (${pct(share)}), below the ${pct(minCoverage)} needed`,
    };
  }
  return { ok: true };
}

/**
 * A claim on capability scores checked on every measure it names that has enough coverage.
 * Supported when it holds on every measure checked, contradicted when it fails on every one,
 * partly supported otherwise. With no measure checked the verdict is not-enough-data with the
 * reasons, or, when the claim says `low_coverage: flag`, the first measure's verdict marked stale.
 * The headline metrics and evidence are those of the first measure checked (else the first named).
 */
export async function acrossMeasures(measures: string[], policy: EvidencePolicy, run: (measure: string) => Promise<PerMeasure>): Promise<AnalysisOutcome> {
  const min = policy.min_coverage ?? DEFAULT_MIN_COVERAGE;
  const per: { m: MeasureVerdict; outcome: AnalysisOutcome }[] = [];
  for (const measure of measures) {
    const { outcome, window } = await run(measure);
    const cov = enoughCoverage(window, min);
    const checked = cov.ok && outcome.verdict !== 'not-enough-data';
    const reason = !cov.ok ? cov.reason : outcome.verdict === 'not-enough-data' ? outcome.missing : undefined;
    const because = outcome.verdict === 'not-enough-data' ? undefined : reasonsFor(outcome.verdict, outcome.conditions).join('; ');
    per.push({ outcome, m: { measure, checked, verdict: outcome.verdict, ...(reason ? { reason } : {}), ...(because ? { because } : {}), window, metrics: outcome.metrics } });
  }
  const checked = per.filter((p) => p.m.checked);
  const holding = checked.filter((p) => p.m.verdict !== 'contradicted').length;
  const head = checked[0] ?? per[0]!;
  const counts = { measures_checked: checked.length, measures_holding: holding, measures_named: measures.length };
  const base = { ...head.outcome, metrics: { ...head.outcome.metrics, ...counts }, params: { ...head.outcome.params, measures }, measures: per.map((p) => p.m) };
  if (checked.length === 0) {
    const first = per[0]!;
    if (policy.low_coverage === 'flag' && first.outcome.verdict !== 'not-enough-data') {
      return { ...base, ...first.outcome, metrics: { ...first.outcome.metrics, ...counts }, params: { ...first.outcome.params, measures }, measures: base.measures, stale: true };
    }
    return { ...base, verdict: 'not-enough-data', conditions: [], missing: per.map((p, i) => sentence(p.m.reason ?? `${p.m.measure} could not decide`, i > 0)).join('. ') };
  }
  const verdicts = new Set(checked.map((p) => p.m.verdict));
  const verdict: Verdict = verdicts.size === 1 ? checked[0]!.m.verdict : 'partly-supported';
  return { ...base, verdict };
}

/** "Checked on 3 of 4 measures with enough coverage: supported on 2 (lmarena-text, epoch-eci), contradicted on 1 (gpqa-diamond); it holds at least partly on 2 of 3. Not checked: hle (no hle score on or before ...)." */
export function measuresSentence(list: MeasureVerdict[]): string {
  if (list.length <= 1 && list.every((m) => m.checked)) return '';
  const checked = list.filter((m) => m.checked);
  const by = (v: Verdict) => checked.filter((m) => m.verdict === v).map((m) => m.measure);
  const parts = (['supported', 'partly-supported', 'contradicted'] as const).filter((v) => by(v).length).map((v) => `${v.replace('-', ' ')} on ${by(v).length} (${by(v).join(', ')})`);
  const notChecked = list.filter((m) => !m.checked).map((m) => `${m.measure} (${m.reason ?? 'could not decide'})`);
  // With nothing checked, the not-enough-data reason (or the stale flag) already names every measure.
  if (checked.length === 0) return '';
  const head = `Checked on ${checked.length} of ${list.length} measures with enough coverage: ${parts.join(', ')}; it holds at least partly on ${checked.filter((m) => m.verdict !== 'contradicted').length} of ${checked.length}.`;
  return notChecked.length ? `${head} Not checked: ${notChecked.join('; ')}.` : head;
}

/** The evidence windows of a claim's measures, one line each. */
export function windowLines(list: MeasureVerdict[]): string[] {
  return list.map((m) => describeWindow(m.window));
}

const sentence = (text: string, capital: boolean) => (capital ? text.charAt(0).toUpperCase() + text.slice(1) : text);
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
