import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../../../lib/errors.js';
import { displayPath } from '../../../lib/paths.js';
import { todayIso } from '../../../domain/index.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../../store/snapshots/copy.js';
import { exportAll, exportNames, exportTable, normalizeExportName } from '../../../views/history/exports.js';
import { asOfFlag, emit, SNAPSHOT_HELP, SNAPSHOTS_HELP, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderTable } from '../table.js';

export function registerExport(program: Command, io: CliIO): void {
  program
    .command('export <table>')
    .description('write one table of the built base (or all) as CSV, JSON, NDJSON or Parquet, fields documented in data/README.md')
    .requiredOption('--out <path>', 'the file to write (with "all": a folder, one <table>.<ext> per table)')
    .option('--format <format>', `${EXPORT_FORMATS.join(', ')} (default: from the --out extension, else csv)`)
    .option('--as-of <date>', 'the day claim verdicts are checked as of (claims export)', 'today')
    .option('--json', 'print what was written as JSON')
    .option('--snapshot <id>', SNAPSHOT_HELP)
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .addHelpText('after', `
Tables: releases (the dashboard's field names plus the whole record), claims (each claim with
its verdict as of the day it was said and as of --as-of), components, licenses, openness,
assessments, capability_observations, adoption_observations, attribute_observations, events,
organizations, sources, ... (every table of the base; an unknown name lists them all).
Examples:
  aperture export releases --format parquet --out releases.parquet
  aperture export all --format csv --out export/`)
    .action(async (table: string, o: { out: string; format?: string; asOf: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const format = exportFormat(o.format, o.out, table === 'all');
      const given = (await asOfFlag(opts, o.asOf)) ?? 'today';
      const day = given === 'today' ? todayIso() : given;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new CliError(`--as-of: expected a day as YYYY-MM-DD or today, got "${o.asOf}"`);
      const files = await withDb(opts, io, async (db) => {
        const names = await exportNames(db);
        if (table === 'all') return exportAll(db, format, path.resolve(o.out), day);
        const name = normalizeExportName(table);
        if (!names.includes(name)) throw new CliError(`no table "${table}" to export`, { hint: `one of: all, ${names.join(', ')}` });
        return [await exportTable(db, name, format, path.resolve(o.out), day)];
      });
      emit(io, opts, { format, files: files.map((f) => ({ table: f.name, file: f.file, rows: f.rows, columns: f.columns })) }, () =>
        renderTable(files.map((f) => ({ table: f.name, rows: f.rows, file: displayPath(f.file) })), [{ key: 'table' }, { key: 'rows', align: 'right' }, { key: 'file' }]),
      );
    });
}

function exportFormat(flag: string | undefined, out: string, all: boolean): ExportFormat {
  const given = flag ?? (all ? 'csv' : path.extname(out).slice(1).toLowerCase() || 'csv');
  if ((EXPORT_FORMATS as readonly string[]).includes(given)) return given as ExportFormat;
  throw new CliError(`--format: "${given}" is not a format`, { hint: `use one of ${EXPORT_FORMATS.join(', ')}` });
}
