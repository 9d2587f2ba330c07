import { z } from 'zod';
import { inRange, rangeCheck } from './ranges.js';

export { formatParamCount } from './param-count.js';

const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/**
 * Parameter counts are written the way people say them ("7B", "1.5T", "405e9") or as plain
 * numbers; stored as a number of parameters.
 */
export function parseParamCount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMBT])?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]) * (m[2] ? SUFFIX[m[2].toUpperCase()]! : 1);
  return n > 0 ? Math.round(n) : undefined;
}

export const ParamCount = z.preprocess(
  (v) => parseParamCount(v) ?? v,
  z.number({ error: 'expected a number of parameters (e.g. 7000000000 or "7B")' }).positive().refine(inRange('params'), rangeCheck('params', 'parameter count')),
);

