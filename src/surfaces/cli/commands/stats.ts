import type { Command } from 'commander';
import { statsView } from '../../../views/stats.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderRecord, renderTable } from '../table.js';

export function registerStats(program: Command, io: CliIO): void {
  program
    .command('stats')
    .description('headline counts of the fact base')
    .option('--json', 'print JSON only')
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const stats = await withDb(opts, io, statsView);
      const { measures, ...counts } = stats;
      emit(io, opts, stats, () => [
        renderRecord(Object.entries(counts)),
        '',
        'capability measures (first and last observation, releases scored):',
        renderTable(measures, [{ key: 'measure' }, { key: 'first' }, { key: 'last' }, { key: 'releases', align: 'right' }, { key: 'observations', align: 'right' }, { key: 'sources', align: 'right' }]),
      ].join('\n'));
    });
}
