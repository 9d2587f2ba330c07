import { z } from 'zod';

/**
 * Dates keep their precision: a release announced "in March 2024" is `2024-03`, not a made-up
 * day. YAML reads a bare year as a number, so numbers are accepted and turned into strings.
 */
export type DatePrecision = 'day' | 'month' | 'year';

export interface PartialDate {
  /** As written: YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string;
  precision: DatePrecision;
  /** The first day the value can denote, for sorting and comparisons (YYYY-MM-DD). */
  start: string;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parsePartialDate(text: string): PartialDate | string {
  const m = DATE_RE.exec(text);
  if (!m) return `expected a date as YYYY-MM-DD, YYYY-MM or YYYY, got "${text}"`;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (mo === undefined) return { value: text, precision: 'year', start: `${y}-01-01` };
  const month = Number(mo);
  if (month < 1 || month > 12) return `${text} is not a real date: month ${mo} does not exist`;
  if (d === undefined) return { value: text, precision: 'month', start: `${y}-${mo}-01` };
  const day = Number(d);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `${text} is not a real date: ${monthName(month)} ${year} has ${last} days`;
  return { value: text, precision: 'day', start: text };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthName(month: number): string {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
}

/** Today's date in UTC as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const asText = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v);

/** A partial date (year, month or day precision). */
export const PartialDateSchema = z.preprocess(
  asText,
  z.string({ error: 'expected a date as YYYY-MM-DD, YYYY-MM or YYYY' }).superRefine((s, ctx) => {
    const parsed = parsePartialDate(s);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed, params: { rule: 'date' } });
  }),
);

/** A full calendar date, e.g. when a source was accessed. */
export const DaySchema = z.preprocess(
  asText,
  z.string({ error: 'expected a date as YYYY-MM-DD' }).superRefine((s, ctx) => {
    const parsed = parsePartialDate(s);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed, params: { rule: 'date' } });
    else if (parsed.precision !== 'day')
      ctx.addIssue({ code: 'custom', message: `expected a full date YYYY-MM-DD, got "${s}"`, params: { rule: 'date' } });
  }),
);

/** The fact base covers modern foundation models: nothing it holds is dated before this year. */
export const EARLIEST_YEAR = 2012;

/**
 * A date given as a query option or parameter (`--since 2024-03`, `?as_of=2025`): a partial
 * date between 2012 and today, resolved to the first (`start`) or last (`end`) day it denotes.
 * Bounding it matters: a monthly series out to `as_of=9999-12-31` is 95,000 months of work, and
 * `as_of=0000` is no date the data can have. The one place every surface checks a date.
 */
export function resolveQueryDate(text: string, edge: 'start' | 'end', today: string = todayIso()): string | { error: string } {
  const parsed = parsePartialDate(text.trim());
  if (typeof parsed === 'string') return { error: parsed };
  const year = Number(parsed.start.slice(0, 4));
  if (year < EARLIEST_YEAR) return { error: `${text} is before ${EARLIEST_YEAR}; dates run from ${EARLIEST_YEAR} to today (${today})` };
  if (parsed.start > today) return { error: `${text} is after today (${today}); dates run from ${EARLIEST_YEAR} to today` };
  if (edge === 'start') return parsed.start;
  const [y, m] = parsed.start.split('-').map(Number);
  if (parsed.precision === 'year') return `${y}-12-31`;
  if (parsed.precision === 'month') return `${parsed.value}-${String(daysInMonth(y!, m!)).padStart(2, '0')}`;
  return parsed.value;
}

/** The zod form of resolveQueryDate, for the views' parameter schemas (CLI flags and query strings). */
export const QueryDate = (edge: 'start' | 'end') =>
  z.string({ error: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD' }).transform((text, ctx) => {
    const day = resolveQueryDate(text, edge);
    if (typeof day === 'string') return day;
    ctx.addIssue({ code: 'custom', message: day.error });
    return z.NEVER;
  });
