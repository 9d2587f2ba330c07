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
