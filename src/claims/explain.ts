import type { Verdict } from '../domain/index.js';
import type { AnalysisOutcome, ConditionCheck } from './types.js';
import { measuresSentence } from './across-measures.js';

const VERDICT_WORDS: Record<Verdict, string> = {
  supported: 'supported',
  'partly-supported': 'partly supported',
  contradicted: 'contradicted',
  'not-enough-data': 'not decidable: there is not enough data',
};

/** Shares read as percentages, counts as numbers, lists joined, unknowns said so. */
export function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'number' && /share/.test(key)) return `${Math.round(value * 1000) / 10}%`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const bound = (c: ConditionCheck) =>
  c.min !== undefined && c.max !== undefined ? `between ${formatValue(c.metric, c.min)} and ${formatValue(c.metric, c.max)}`
  : c.min !== undefined ? `at least ${formatValue(c.metric, c.min)}` : `at most ${formatValue(c.metric, c.max)}`;

/**
 * One paragraph: the claim's own explanation template filled with the results, then the verdict
 * and the conditions that decided it, in plain words.
 */
export function explain(template: string | null, outcome: AnalysisOutcome, asOf: string): string {
  const values: Record<string, unknown> = { ...outcome.params, ...outcome.metrics, as_of: asOf, verdict: VERDICT_WORDS[outcome.verdict] };
  const filled = template ? template.replace(/\{([a-z_]+)\}/g, (_, k: string) => formatValue(k, values[k])) : '';
  const parts = [filled.trim()];
  if (outcome.verdict === 'not-enough-data') {
    parts.push(`As of ${asOf} the claim is not decidable: ${outcome.missing ?? 'there is not enough data'}.`);
  } else {
    const reasons = reasonsFor(outcome.verdict, outcome.conditions);
    const many = (outcome.measures?.filter((m) => m.checked).length ?? 0) > 1;
    // Across measures the verdict combines them, so the measures say why rather than one measure's bounds.
    parts.push(`As of ${asOf} the claim is ${VERDICT_WORDS[outcome.verdict]}${!many && reasons.length ? `: ${reasons.join('; ')}` : ''}.`);
    if (outcome.stale) parts.push(`This verdict is STALE: ${outcome.measures?.map((m) => m.reason).filter(Boolean).join('; ')}.`);
  }
  if (outcome.measures) parts.push(measuresSentence(outcome.measures));
  return parts.filter(Boolean).join(' ');
}

/** The conditions that decided a verdict, in words. */
export function reasonsFor(verdict: AnalysisOutcome['verdict'], conditions: ConditionCheck[]): string[] {
  const name = (c: ConditionCheck) => `${c.metric.replace(/_/g, ' ')} is ${formatValue(c.metric, c.value)}`;
  const met = (level: ConditionCheck['verdict']) => dedupe(conditions.filter((c) => c.verdict === level && c.holds).map((c) => `${name(c)} (needs ${bound(c)})`));
  const missed = (level: ConditionCheck['verdict']) => dedupe(conditions.filter((c) => c.verdict === level && !c.holds).map((c) => `${name(c)} where ${level.replace('-', ' ')} needs ${bound(c)}`));
  return verdict === 'supported' ? met('supported')
    : verdict === 'partly-supported' ? [...met('partly-supported'), ...missed('supported').map((r) => `but ${r}`)]
    : verdict === 'contradicted' ? [...missed('supported'), ...missed('partly-supported')] : [];
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
