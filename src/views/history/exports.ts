import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../store/db.js';
import { baseTables, copyQuery, FORMAT_EXTENSION, queryColumns, quoteIdent, type Column, type ExportFormat } from '../../store/snapshots/copy.js';
import { sqlLoader } from '../../lib/sql-files.js';
import { claimVerdictRows, storeClaimVerdicts } from './claim-verdicts.js';

const sql = sqlLoader(new URL('./sql/', import.meta.url));

/**
 * What `aperture export` can write: every table of the built base under its own name, except
 * two shaped for readers: `releases` (the dashboard's field names, plus the whole record) and
 * `claims` (each claim with its verdicts). The stored tables behind them are in snapshots.
 */
export const SHAPED_EXPORTS = ['releases', 'claims'] as const;

/** Tables not worth a file of their own outside a snapshot (internal to the build). */
const NOT_EXPORTED = new Set(['build_info']);

export async function exportNames(db: Db): Promise<string[]> {
  const tables = (await baseTables(db)).filter((t) => !NOT_EXPORTED.has(t) && !(SHAPED_EXPORTS as readonly string[]).includes(t));
  return [...SHAPED_EXPORTS, ...tables].sort();
}

/** Accepts `capability-observations` for `capability_observations`, as flags are spelled. */
export const normalizeExportName = (name: string) => name.trim().toLowerCase().replace(/-/g, '_');

/**
 * The SELECT behind one export. `claims` needs its verdicts computed first (as of `asOf`),
 * into a temporary table of this connection.
 */
export async function exportSelect(db: Db, name: string, asOf: string): Promise<string> {
  if (name === 'releases') return sql('export-releases');
  if (name === 'claims') {
    await storeClaimVerdicts(db, 'export_claims', await claimVerdictRows(db, asOf));
    return 'SELECT * FROM export_claims ORDER BY id';
  }
  return `SELECT * FROM ${quoteIdent(name)}`;
}

/** CSV has no lists: they are joined with "; " as the dashboard's CSV twins join them. */
function csvSelect(select: string, columns: Column[]): string {
  if (!columns.some((c) => c.type.endsWith('[]'))) return select;
  const cols = columns.map((c) => (c.type.endsWith('[]') ? `array_to_string(${quoteIdent(c.name)}, '; ') AS ${quoteIdent(c.name)}` : quoteIdent(c.name)));
  return `SELECT ${cols.join(', ')} FROM (${select})`;
}

export interface ExportedFile {
  name: string;
  file: string;
  rows: number;
  columns: Column[];
}

/**
 * Writes one export to `file` through a temporary name and a rename, so a reader never sees
 * half a file and a failed export leaves the previous file.
 */
export async function exportTable(db: Db, name: string, format: ExportFormat, file: string, asOf: string): Promise<ExportedFile> {
  const select = await exportSelect(db, name, asOf);
  const columns = await queryColumns(db, select);
  const rows = (await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${select})`))!.n;
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    await copyQuery(db, format === 'csv' ? csvSelect(select, columns) : select, tmp, format);
    await rename(tmp, file);
  } finally {
    await rm(tmp, { force: true, recursive: true });
  }
  return { name, file, rows, columns };
}

/** Every export into a folder, one `<name>.<ext>` each. */
export async function exportAll(db: Db, format: ExportFormat, dir: string, asOf: string): Promise<ExportedFile[]> {
  const out: ExportedFile[] = [];
  for (const name of await exportNames(db)) out.push(await exportTable(db, name, format, path.join(dir, `${name}.${FORMAT_EXTENSION[format]}`), asOf));
  return out;
}
