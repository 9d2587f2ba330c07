import type { Command } from 'commander';
import { conflictRows } from '../../../views/conflicts-page.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderTable } from '../table.js';

export function registerConflicts(program: Command, io: CliIO): void {
  program
    .command('conflicts')
    .description('where imported datasets disagree with release records (both values, both sources)')
    .option('--release <id>', 'only this release')
    .option('--attribute <name>', 'only this attribute (date, params-total, params-active, access, license)')
    .option('--source <id>', 'only observations from this source')
    .option('--all', 'include conflicts already resolved by data/overrides/')
    .option('--json', 'print JSON only')
    .action(async (o: { release?: string; attribute?: string; source?: string; all?: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const rows = await withDb(opts, io, (db) => conflictRows(db, o));
      const json = rows.map((r) => ({
        release: r.release, name: r.name, org: r.org, attribute: r.attribute, curated: r.curated,
        recorded: { value: r.recorded, sources: r.recorded_sources.split(',') },
        observed: { value: r.observed, source: r.observed_source, upstreamName: r.upstream_name },
        resolution: r.resolved_value === null ? null : { value: r.resolved_value, reason: r.resolution_reason, file: r.resolution_file, line: r.resolution_line },
      }));
      emit(io, opts, json, () =>
        renderTable(rows, [
          { key: 'release', max: 34 }, { key: 'attribute' }, { key: 'recorded', max: 24 }, { key: 'recorded_sources', label: 'recorded by', max: 28 },
          { key: 'observed', max: 24 }, { key: 'observed_source', label: 'observed by', max: 28 },
          ...(o.all ? [{ key: 'resolved_value' as const, label: 'resolved as', max: 20 }] : []),
        ]) + `\n${rows.length} conflict(s)${o.all ? '' : ' open'}; settle one with a file in data/overrides/ (see data/README.md)`,
      );
    });
}
