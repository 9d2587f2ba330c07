import { z } from 'zod';
import { daysInMonth, resolveQueryDate, todayIso } from '../domain/index.js';

/**
 * "As of" dates: analytics see only releases, observations and events dated on or before the
 * day. `today`, a year (its last day), a month (its last day) or a day are accepted.
 */
export function resolveAsOf(text: string | undefined, now: Date = new Date()): string | { error: string } {
  if (text === undefined || text === '' || text === 'today') return todayIso(now);
  const day = resolveQueryDate(text, 'end', todayIso(now));
  return typeof day === 'string' ? day : { error: `${day.error}; or use "today"` };
}

/** An `as_of` parameter as the views take it: resolved to a YYYY-MM-DD day. */
export const AsOf = z.string().transform((text, ctx) => {
  const day = resolveAsOf(text);
  if (typeof day === 'string') return day;
  ctx.addIssue({ code: 'custom', message: day.error });
  return z.NEVER;
});

/** Whole months from one day to another (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return (y2! - y1!) * 12 + (m2! - m1!) - (d2! < d1! ? 1 : 0);
}

/** Adds days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds months to a YYYY-MM-DD day, clamping to the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y! * 12 + (m! - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const dd = Math.min(d!, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** The last day of the month a day falls in. */
export function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return `${day.slice(0, 7)}-${String(daysInMonth(y!, m!)).padStart(2, '0')}`;
}
