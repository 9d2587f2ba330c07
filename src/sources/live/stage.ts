import { parse } from 'csv-parse/sync';

/** One response of an ingest, as the fetch layer returned it (a paginated API gives several). */
export interface Fetched {
  /** The URL asked for. */
  url: string;
  /** The URL the body came from after redirects (a GitHub release download names its tag there). */
  finalUrl: string;
  status: number;
  etag: string | null;
  fromCache: boolean;
  body: Buffer;
}

export interface Rejected {
  /** 1-based record number in the fetched body (CSV: the line; several pages: counted across them). */
  record: number;
  reason: string;
}

export interface Staged {
  /** The files to hand to the importer, relative to a fresh folder, in the form it reads. */
  files: Record<string, string>;
  /** What the importer is run on, relative to that folder ('.' for the folder itself). */
  importPath: string;
  /** The snapshot date the response itself gives (a release tag); else the day fetched is used. */
  snapshot?: string;
  received: number;
  kept: number;
  rejected: Rejected[];
  /** Records left out by --since or --limit (not errors). */
  filtered: number;
  /** What the response says about itself, kept in the fetch record (a commit id, a page count). */
  about?: Record<string, string | number>;
  /** Options that did not apply to this upstream, said rather than silently ignored. */
  notes?: string[];
}

export interface StageOptions {
  since?: string;
  limit?: number;
  /** The day fetched (YYYY-MM-DD, UTC): names files whose upstream name carries a date. */
  day: string;
}

export type StageResult = { ok: true; value: Staged } | { ok: false; error: string };

export const fail = (error: string): StageResult => ({ ok: false, error });

/** --since and --limit on records in their upstream order; `dateOf` undefined: --since cannot apply. */
export function keep<T>(rows: T[], opts: StageOptions, dateOf?: (r: T) => string | undefined): { kept: T[]; filtered: number; notes: string[] } {
  let kept = rows;
  const notes: string[] = [];
  if (opts.since && dateOf) kept = kept.filter((r) => (dateOf(r) ?? '') >= opts.since!);
  else if (opts.since) notes.push('--since not applied: the records carry no date to filter on');
  if (opts.limit !== undefined) kept = kept.slice(0, opts.limit);
  return { kept, filtered: rows.length - kept.length, notes };
}

/** A JSON body, or the reason it is not one (a cut-off body is the usual cause). */
export function parseJsonBody(body: Buffer, what = 'response'): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch (error) {
    return { ok: false, error: `the ${what} is not complete JSON (${error instanceof Error ? error.message : String(error)}); it may have been cut off` };
  }
}

export interface CsvTable {
  header: string[];
  /** Rows with as many fields as the header, with their line number. */
  rows: { line: number; cells: string[] }[];
  rejected: Rejected[];
}

/**
 * A CSV body read whole: a cut-off quoted field is an error for the whole body, a row with
 * another number of fields than the header (a cut-off last line among them) is one rejected
 * record. `required` names the columns without which this is not the expected table.
 */
export function readCsvBody(body: Buffer, required: string[][] = []): { ok: true; value: CsvTable } | { ok: false; error: string } {
  let rows: string[][];
  try {
    rows = parse(body.toString('utf8'), { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    return { ok: false, error: `the response is not complete CSV (${error instanceof Error ? error.message : String(error)}); it may have been cut off` };
  }
  const [header, ...records] = rows;
  if (!header || header.length < 2) return { ok: false, error: 'expected a CSV with a header row' };
  for (const anyOf of required) {
    if (!anyOf.some((c) => header.includes(c))) return { ok: false, error: `expected a column ${anyOf.map((c) => `"${c}"`).join(' or ')} in the header; got ${header.slice(0, 8).join(', ')}${header.length > 8 ? ', ...' : ''}` };
  }
  const rejected: Rejected[] = [];
  const valid: CsvTable['rows'] = [];
  records.forEach((cells, i) => (cells.length === header.length ? valid.push({ line: i + 2, cells }) : rejected.push({ record: i + 2, reason: `${cells.length} field(s) where the header has ${header.length}` })));
  return { ok: true, value: { header, rows: valid, rejected } };
}

export const recordOf = (header: string[], cells: string[]): Record<string, string> => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));

const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const csvText = (header: string[], rows: string[][]) => [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';

/** A CSV table checked row by row: `invalid` says why a row is kept out, undefined when it is fine. */
export function stageCsvTable(
  body: Buffer,
  opts: StageOptions,
  how: { required?: string[][]; invalid?: (r: Record<string, string>) => string | undefined; dateOf?: (r: Record<string, string>) => string | undefined },
): { ok: true; value: { text: string; received: number; kept: number; rejected: Rejected[]; filtered: number; notes: string[] } } | { ok: false; error: string } {
  const table = readCsvBody(body, how.required);
  if (!table.ok) return table;
  const { header, rows } = table.value;
  const rejected = [...table.value.rejected];
  const valid = rows.filter((r) => {
    const why = how.invalid?.(recordOf(header, r.cells));
    if (why) rejected.push({ record: r.line, reason: why });
    return !why;
  });
  rejected.sort((a, b) => a.record - b.record);
  const { kept, filtered, notes } = keep(valid, opts, how.dateOf ? (r) => how.dateOf!(recordOf(header, r.cells)) : undefined);
  return { ok: true, value: { text: csvText(header, kept.map((r) => r.cells)), received: rows.length + table.value.rejected.length, kept: kept.length, rejected, filtered, notes } };
}
