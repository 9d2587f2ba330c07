import type { Verdict } from '../domain/index.js';
import type { ConditionCheck, MetricValue } from './types.js';

export type Bound = { min?: number; max?: number };
export type ConditionSet = Partial<Record<string, Bound>>;
export type Conditions = ConditionSet | ConditionSet[];
export interface ConditionRule {
  supported?: Conditions;
  partly_supported?: Conditions;
}

const sets = (c: Conditions | undefined): ConditionSet[] => (c === undefined ? [] : Array.isArray(c) ? c : [c]);

/** A metric within its bounds; a metric nobody could compute (null) never satisfies a bound. */
export function within(value: MetricValue, b: Bound): boolean {
  if (value === null || Number.isNaN(value)) return false;
  return (b.min === undefined || value >= b.min) && (b.max === undefined || value <= b.max);
}

/**
 * Maps metrics to a verdict: supported when every condition of one `supported` set holds,
 * partly supported when one `partly_supported` set holds, contradicted otherwise.
 */
export function verdictFromConditions(rule: ConditionRule, metrics: Record<string, MetricValue>): { verdict: Verdict; conditions: ConditionCheck[] } {
  const conditions: ConditionCheck[] = [];
  const check = (level: 'supported' | 'partly-supported', list: ConditionSet[]): boolean => {
    let any = false;
    for (const set of list) {
      let all = true;
      for (const [metric, bound] of Object.entries(set)) {
        const value = metrics[metric] ?? null;
        const holds = within(value, bound!);
        conditions.push({ verdict: level, metric, value, ...bound, holds });
        all &&= holds;
      }
      any ||= all;
    }
    return any;
  };
  const supported = check('supported', sets(rule.supported));
  const partly = check('partly-supported', sets(rule.partly_supported));
  return { verdict: supported ? 'supported' : partly ? 'partly-supported' : 'contradicted', conditions };
}
