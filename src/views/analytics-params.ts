import { z } from 'zod';
import { parseParamCount } from '../domain/index.js';
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
export const Since = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD' })
  .transform((v) => (v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v));
export const PositiveInt = (max: number) => z.coerce.number({ error: 'expected a whole number' }).int().min(1).max(max);
/** A list given as repeated flags or comma-separated text. */
export const List = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v.flatMap((x) => String(x).split(',')) : v), z.array(item).min(1));
/** A parameter count written as 70e9, 70B or 70000000000. */
export const ParamCountParam = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+(\.\d+)?e\d+$/i.test(v.trim()) ? Number(v) : parseParamCount(v) ?? v),
  z.number({ error: 'expected a parameter count such as 70e9 or 70B' }).positive(),
);
/** A boolean as a URL or flag gives it: 1/0, true/false, yes/no, on/off (any case). */
export const Flag = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase();
  return ['1', 'true', 'yes', 'on'].includes(s) ? true : ['0', 'false', 'no', 'off'].includes(s) ? false : v;
}, z.boolean({ error: 'expected true or false (also 1/0, yes/no)' }));
