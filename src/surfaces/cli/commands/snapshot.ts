import type { Command } from 'commander';
import { CliError } from '../../../lib/errors.js';
import { displayPath } from '../../../lib/paths.js';
import { listSnapshots } from '../../../store/snapshots/layout.js';
import { changedFiles } from '../../../store/snapshots/checksums.js';
import { takeSnapshot } from '../../../views/history/snapshot.js';
import { progressBar } from '../../report/progress.js';
import { emit, snapshotsRoot, SNAPSHOTS_HELP, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderTable } from '../table.js';

export function registerSnapshot(program: Command, io: CliIO): void {
  program
    .command('snapshot')
    .description('take an immutable, dated snapshot of the whole built base: every table as Parquet, datapackage.json, CITATION.cff, SHA256SUMS')
    .option('--label <text>', 'a short label recorded in the snapshot (e.g. "state of openness 2026")')
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .option('--json', 'print the snapshot\'s record as JSON')
    .addHelpText('after', `
A snapshot is written in a hidden folder and renamed into place when complete, so a crash never
leaves half a snapshot. Its id is the UTC time it was taken (e.g. 2026-12-03T141030Z). Query it
with --snapshot ID on analytics and claims commands, compare two with aperture diff.`)
    .action(async (o: { label?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      if (o.label !== undefined && (o.label.trim() === '' || o.label.length > 200)) throw new CliError('--label: expected 1 to 200 characters');
      const bar = progressBar(!opts.json);
      const taken = await withDb({ ...opts, snapshot: undefined }, io, async (db) => {
        let started = false;
        try {
          return await takeSnapshot({ db, root: snapshotsRoot(opts), label: o.label, progress: (done, total) => { if (!started) bar.start(total, 'writing tables'); started = true; bar.update(done); } });
        } finally {
          bar.stop();
        }
      });
      if (!taken.ok) throw new CliError(taken.error);
      const s = taken.value;
      emit(io, opts, s, () => `snapshot ${s.id} written to ${displayPath(s.dir)}: ${Object.keys(s.tables).length} tables, ${s.tables.releases ?? 0} releases${s.label ? ` (${s.label})` : ''}`);
    });

  program
    .command('snapshots')
    .description('list the snapshots taken, oldest first, with their date, label, table count and whether their files still match their checksums')
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .option('--json', 'print JSON only')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const all = await listSnapshots(snapshotsRoot(opts));
      const rows: Record<string, unknown>[] = [];
      for (const s of all) rows.push({ id: s.id, date: s.date, taken: s.taken, label: s.label, releases: s.tables.releases ?? 0, tables: Object.keys(s.tables).length, intact: (await changedFiles(s.dir).catch(() => ['SHA256SUMS'])).length === 0, dir: s.dir });
      emit(io, opts, rows, () => (rows.length ? renderTable(rows, [{ key: 'id' }, { key: 'date' }, { key: 'label', format: (v) => String(v ?? '') }, { key: 'releases', align: 'right' }, { key: 'tables', align: 'right' }, { key: 'intact', format: (v) => (v ? 'yes' : 'MODIFIED') }]) : `(no snapshots in ${displayPath(snapshotsRoot(opts))}; take one with aperture snapshot)`));
    });
}
