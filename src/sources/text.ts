import { parsePartialDate } from '../domain/index.js';

/** Hugging Face repo ids named by huggingface.co URLs in free text ("https://huggingface.co/org/name/tree/main"). */
export function hubReposIn(text: string | undefined): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(/huggingface\.co\/(?!datasets\/|spaces\/|papers\/|collections\/|blog\/|docs\/)([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*[A-Za-z0-9])/g)) {
    out.add(`${m[1]}/${m[2]}`);
  }
  return [...out];
}

/** A date as the fact base writes it (YYYY-MM-DD, YYYY-MM or YYYY), or undefined if the text is no date. */
export function partialDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim().replace(/\//g, '-').slice(0, 10);
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(t);
  if (!m) return undefined;
  const value = [m[1], m[2]?.padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
  return typeof parsePartialDate(value) === 'string' ? undefined : value;
}

export const YEAR_FLOOR = 2012;

/** Releases before 2012 are outside the fact base (the validator rejects them). */
export function beforeFloor(date: string | undefined): boolean {
  return date !== undefined && Number(date.slice(0, 4)) < YEAR_FLOOR;
}

/** The latest of some YYYY-MM-DD strings, for a snapshot date read from the data itself. */
export function latest(dates: Iterable<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && (!best || d > best)) best = d;
  return best;
}

/** Release type from words in a model name; `other` when the name says nothing. */
export function typeFromName(name: string): 'base' | 'instruct' | 'reasoning' | 'other' {
  const n = name.toLowerCase();
  if (/\b(thinking|reasoning|reasoner)\b|(^|[-\s])r1\b|(^|[-\s])o[134](-|\s|$)|qwq/.test(n)) return 'reasoning';
  if (/instruct|chat|(^|[-_\s])it($|[-_\s])|assistant/.test(n)) return 'instruct';
  if (/(^|[-_\s])base($|[-_\s])/.test(n)) return 'base';
  return 'other';
}
