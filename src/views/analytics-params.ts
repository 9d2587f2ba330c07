import { z } from 'zod';
import { inRange, parseParamCount, QueryDate, rangeCheck } from '../domain/index.js';
import { AsOf } from '../analytics/as-of.js';
import { resolveMeasure } from '../analytics/measures.js';

/**
 * Parameter pieces shared by the analytics views (trends, signals, best-open, gap, adoption,
 * choose, claims), so the CLI flags and the HTTP query strings accept the same values.
 */
// prefault: the default goes through the transform, so 'today' becomes a date.
export const AsOfParam = AsOf.prefault('today');
export const Measure = z.string().min(1).prefault('arena').transform((m) => resolveMeasure(m));
export const Country = z.string().regex(/^[A-Za-z]{2}$/, { error: 'expected a two-letter country code such as CN' }).transform((s) => s.toUpperCase());
export const Since = QueryDate('start');
export const PositiveInt = (max: number) => z.coerce.number({ error: 'expected a whole number' }).int().min(1).max(max);
/** A list given as repeated flags or comma-separated text. */
export const List = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v.flatMap((x) => String(x).split(',')) : v), z.array(item).min(1));
/** A parameter count written as 70e9, 70B or 70000000000. */
export const ParamCountParam = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+(\.\d+)?e\d+$/i.test(v.trim()) ? Number(v) : parseParamCount(v) ?? v),
  z.number({ error: 'expected a parameter count such as 70e9 or 70B' }).positive().refine(inRange('params'), rangeCheck('params', 'parameter count')),
);
/** A boolean as a URL or flag gives it: 1/0, true/false, yes/no, on/off (any case). */
export const Flag = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase();
  return ['1', 'true', 'yes', 'on'].includes(s) ? true : ['0', 'false', 'no', 'off'].includes(s) ? false : v;
}, z.boolean({ error: 'expected true or false (also 1/0, yes/no)' }));
/**
 * By-lab analyses: roll each lab up to its group, the top of its parent chain (Google DeepMind
 * and Google to Alphabet), given as `--rollup` on the CLI and `rollup=true` in query strings.
 */
export const Rollup = z.preprocess((v) => (v === undefined ? false : v), Flag);
