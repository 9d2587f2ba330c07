import { parse } from 'csv-parse/sync';
import type { LiveUpstream } from './upstreams.js';

export interface Rejected {
  /** 1-based record number in the fetched body (CSV: the line). */
  record: number;
  reason: string;
}

export interface Staged {
  /** The body to hand to the importer: the kept records, in the upstream's own format. */
  text: string;
  received: number;
  kept: number;
  rejected: Rejected[];
  /** Records left out by --since or --limit (not errors). */
  filtered: number;
}

export interface StageOptions {
  since?: string;
  limit?: number;
}

/**
 * Checks a fetched body is whole and readable before anything is written: a truncated JSON
 * document or CSV quote is an error for the whole ingest (the previous files stay), while an
 * invalid record among valid ones is kept out and reported, and the rest are ingested.
 */
export function stageBody(u: LiveUpstream, body: string, opts: StageOptions = {}): { ok: true; value: Staged } | { ok: false; error: string } {
  return u.format === 'json' ? stageJson(u, body, opts) : stageCsv(u, body, opts);
}

function keep<T>(u: LiveUpstream, rows: T[], opts: StageOptions, asRecord: (r: T) => Record<string, unknown>): { kept: T[]; filtered: number } {
  let kept = rows;
  if (opts.since && u.since) kept = kept.filter((r) => (u.since!(asRecord(r)) ?? '') >= opts.since!);
  if (opts.limit !== undefined) kept = kept.slice(0, opts.limit);
  return { kept, filtered: rows.length - kept.length };
}

function stageJson(u: LiveUpstream, body: string, opts: StageOptions) {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false as const, error: `the response is not complete JSON (${error instanceof Error ? error.message : String(error)}); it may have been cut off` };
  }
  const data = (json as { data?: unknown })?.data;
  if (!Array.isArray(data)) return { ok: false as const, error: 'expected an object with a "data" list, as /api/v1/models returns' };
  const rejected: Rejected[] = [];
  const valid: Record<string, unknown>[] = [];
  data.forEach((r, i) => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) return rejected.push({ record: i + 1, reason: 'not an object' });
    const id = (r as Record<string, unknown>).id;
    if (typeof id !== 'string' || !id.includes('/')) return rejected.push({ record: i + 1, reason: `"id" must be a text "owner/model", got ${JSON.stringify(id)}` });
    valid.push(r as Record<string, unknown>);
  });
  const { kept, filtered } = keep(u, valid, opts, (r) => r);
  return { ok: true as const, value: { text: JSON.stringify({ ...(json as object), data: kept }), received: data.length, kept: kept.length, rejected, filtered } };
}

function stageCsv(u: LiveUpstream, body: string, opts: StageOptions) {
  let rows: string[][];
  try {
    rows = parse(body, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    return { ok: false as const, error: `the response is not complete CSV (${error instanceof Error ? error.message : String(error)}); it may have been cut off` };
  }
  const [header, ...records] = rows;
  if (!header || header.length < 2) return { ok: false as const, error: 'expected a CSV with a header row' };
  const rejected: Rejected[] = [];
  const valid: string[][] = [];
  // A row with another number of fields is a broken record (a cut-off last line among them).
  records.forEach((r, i) => (r.length === header.length ? valid.push(r) : rejected.push({ record: i + 2, reason: `${r.length} field(s) where the header has ${header.length}` })));
  const { kept, filtered } = keep(u, valid, opts, (r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const text = [header, ...kept].map((r) => r.map(cell).join(',')).join('\n') + '\n';
  return { ok: true as const, value: { text, received: records.length, kept: kept.length, rejected, filtered } };
}
