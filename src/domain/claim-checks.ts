import { z } from 'zod';
import { Slug } from './ids.js';
import { EVENT_KINDS } from './event.js';

/**
 * The analyses a claim's check can name, with the parameters and rule each accepts. Every field
 * is optional here (the analysis fills defaults when it runs), so a claim file is checked for
 * unknown analyses, unknown or mistyped parameters and unknown explanation placeholders when
 * data/ is loaded, and each problem points at its line.
 */
const Country = z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 country code such as "CN"' });
const Share = z.number({ error: 'expected a share between 0 and 1' }).min(0).max(1);
const Months = z.number({ error: 'expected a number of months' }).int().positive();

/** A metric bound: the condition holds when min <= value <= max. */
const Bound = z.strictObject({ min: z.number().optional(), max: z.number().optional() });
/** Conditions over named metrics, all of which must hold; a list means any one of the sets. */
const conditions = (metrics: readonly [string, ...string[]]) => {
  const set = z.partialRecord(z.enum(metrics), Bound);
  return z.union([set, z.array(set).min(1)]);
};
const conditionRule = (metrics: readonly [string, ...string[]]) =>
  z.strictObject({ supported: conditions(metrics).optional(), partly_supported: conditions(metrics).optional() });

export const LAB_OPENNESS_METRICS = [
  'releases_ever', 'open_ever', 'open_share_ever',
  'releases_window', 'open_window', 'open_share_window', 'open_share_prior', 'open_share_change',
  'flagships_window', 'open_flagships_window', 'flagship_open_share_window', 'flagship_open_share_prior',
  'months_since_last_open_release', 'months_since_last_open_flagship',
  'retreat_signals_window', 'advance_signals_window',
] as const;

/** Metrics every claim on capability scores has besides its own: how many measures it was checked on. */
const ACROSS_MEASURES = ['measures_checked', 'measures_holding', 'measures_named'] as const;
export const CAPABILITY_RANK_METRICS = ['score', 'contemporaries', 'rank', 'share_above', 'gap_to_best', 'peer_orgs_above', 'peer_orgs', ...ACROSS_MEASURES] as const;
export const EVENT_MATCH_METRICS = ['matched', 'required', 'matched_share'] as const;
export const BEST_OPEN_METRICS = ['share', 'top', 'scored', 'count', ...ACROSS_MEASURES] as const;

/**
 * How a claim on capability scores treats thin evidence: the measures to check it on (each one
 * with enough coverage is checked), the share of flagships in the evidence window that must be
 * scored for a measure to count (`min_coverage`, default 0.5), and what a claim with no such
 * measure gets: `not-enough-data` (the default) or its verdict on the first measure flagged
 * `stale` (`low_coverage: flag`).
 */
const evidenceParams = {
  measures: z.array(Slug).min(1).optional(),
  min_coverage: Share.optional(),
  low_coverage: z.enum(['not-enough-data', 'flag']).optional(),
};

export const CLAIM_ANALYSES = {
  /** Share of the top N open-weights releases on a measure that come from one country. */
  'best-open': {
    params: z.strictObject({
      measure: Slug.optional(),
      top: z.number().int().min(1).max(100).optional(),
      by: z.literal('country').optional(),
      max_age_days: z.number().int().positive().optional(),
      ...evidenceParams,
    }),
    rule: z.strictObject({ country: Country.optional(), supported_share: Share.optional(), partly_supported_share: Share.optional() }),
    metrics: BEST_OPEN_METRICS,
  },
  /** How open a lab (or a country's labs) has been: releases and flagships with weights, over windows. */
  'lab-openness': {
    params: z.strictObject({
      orgs: z.array(Slug).min(1).optional(),
      /** An organization and every organization under it (its parent links): `alphabet` is Google and Google DeepMind. */
      group: Slug.optional(),
      country: Country.optional(),
      window_months: Months.optional(),
      min_releases: z.number().int().nonnegative().optional(),
    }),
    rule: conditionRule(LAB_OPENNESS_METRICS),
    metrics: LAB_OPENNESS_METRICS,
  },
  /** Where a release's score ranks among releases that came out around the same time. */
  'capability-rank': {
    params: z.strictObject({
      releases: z.array(Slug).min(1).optional(),
      measure: Slug.optional(),
      window_days: z.number().int().positive().optional(),
      peer_orgs: z.array(Slug).optional(),
      max_age_days: z.number().int().positive().optional(),
      ...evidenceParams,
    }),
    rule: conditionRule(CAPABILITY_RANK_METRICS),
    metrics: CAPABILITY_RANK_METRICS,
  },
  /** Whether dated, sourced events of the described kind exist. */
  'event-match': {
    params: z.strictObject({
      require: z
        .array(z.strictObject({ orgs: z.array(Slug).optional(), kinds: z.array(z.enum(EVENT_KINDS)).optional(), text: z.string().min(1).optional() }))
        .min(1)
        .optional(),
    }),
    rule: conditionRule(EVENT_MATCH_METRICS),
    metrics: EVENT_MATCH_METRICS,
  },
} as const;

export type ClaimAnalysis = keyof typeof CLAIM_ANALYSES;
export const CLAIM_ANALYSIS_NAMES = Object.keys(CLAIM_ANALYSES) as ClaimAnalysis[];

/** Placeholders every explanation may use besides the analysis's metrics and parameters. */
export const COMMON_PLACEHOLDERS = ['as_of', 'verdict', 'measure', 'country', 'top'] as const;

export function isClaimAnalysis(name: string): name is ClaimAnalysis {
  return Object.hasOwn(CLAIM_ANALYSES, name);
}

/** Issues of one check against its analysis, with paths relative to the claim record. */
export function claimCheckIssues(check: { analysis: string; params: unknown; rule: unknown }, explanation: string | undefined): { path: (string | number)[]; message: string }[] {
  if (!isClaimAnalysis(check.analysis)) {
    return [{ path: ['check', 'analysis'], message: `unknown analysis "${check.analysis}"; expected one of ${CLAIM_ANALYSIS_NAMES.join(', ')}` }];
  }
  const spec = CLAIM_ANALYSES[check.analysis];
  const out: { path: (string | number)[]; message: string }[] = [];
  for (const part of ['params', 'rule'] as const) {
    const parsed = spec[part].safeParse((check as Record<string, unknown>)[part] ?? {});
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      const path = issue.path as (string | number)[];
      const base = ['check', part, ...path];
      if (issue.code === 'unrecognized_keys') {
        // In a rule, the first level names verdicts, the second metrics, the third bounds.
        const depth = path.filter((p) => typeof p === 'string').length;
        const known = part === 'params' && depth === 0 ? Object.keys((spec.params as z.ZodObject).shape)
          : part === 'rule' && depth === 0 ? Object.keys((spec.rule as z.ZodObject).shape)
          : part === 'rule' && depth === 1 ? [...spec.metrics]
          : part === 'rule' ? ['min', 'max'] : [];
        const what = part === 'params' && depth === 0 ? 'parameter' : part === 'rule' && depth === 1 ? 'metric' : 'field';
        for (const key of issue.keys) out.push({ path: [...base, key], message: `unknown ${what} "${key}" for ${check.analysis}${known.length ? `; expected one of ${known.join(', ')}` : ''}` });
      } else {
        out.push({ path: base, message: describeIssue(issue) });
      }
    }
  }
  if (explanation) {
    const named = [...spec.metrics, ...Object.keys((spec.params as z.ZodObject).shape), ...Object.keys((spec.rule as z.ZodObject).shape).filter((k) => !k.endsWith('supported'))];
    const known = new Set<string>([...COMMON_PLACEHOLDERS, ...named]);
    for (const m of explanation.matchAll(/\{([a-z_]+)\}/g)) {
      if (!known.has(m[1]!)) out.push({ path: ['explanation'], message: `unknown placeholder {${m[1]}}; use a metric or parameter of ${check.analysis}: ${[...new Set(named)].join(', ')}` });
    }
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_union') return 'expected { metric: { min, max } } or a list of them';
  return /^[a-z]/.test(issue.message) ? issue.message : 'invalid value';
}
