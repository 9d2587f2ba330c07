import { z } from 'zod';

/**
 * Plausible ranges per numeric field. A value outside is almost surely a typo (1e30 for 1e10)
 * or a hostile file, and would skew every chart and ranking it reaches, so it is an error
 * naming the range rather than a silent accept.
 */
export const RANGES = {
  /** From the small notable networks Epoch records (a few thousand) to far beyond the largest announced (100 trillion). */
  params: { min: 100, max: 1e14, shown: '100 to 100T parameters' },
  /** Elo-style ratings run to a few thousand, percentages to 100; one million covers every measure. */
  score: { min: -1e6, max: 1e6, shown: '-1,000,000 to 1,000,000' },
  /** Hub counters: a trillion downloads is far above anything the Hub has counted. */
  count: { min: 0, max: 1e12, shown: '0 to 1,000,000,000,000' },
  /** Licence thresholds (users, US dollars). */
  threshold: { min: 1, max: 1e13, shown: '1 to 10,000,000,000,000' },
} as const;

export type RangeName = keyof typeof RANGES;

export const inRange = (name: RangeName) => (v: number) => v >= RANGES[name].min && v <= RANGES[name].max;

/** A refinement that reports as the `range` rule with the range in the message. */
export function rangeCheck(name: RangeName, what: string) {
  return {
    error: (issue: { input: unknown }) => `${what} ${String(issue.input)} is outside the plausible range ${RANGES[name].shown}`,
    params: { rule: 'range' },
  };
}

export const ScoreValue = z.number({ error: 'expected a number' }).refine(inRange('score'), rangeCheck('score', 'score'));
