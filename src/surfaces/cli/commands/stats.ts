import type { Command } from 'commander';
import { statsView } from '../../../views/stats.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderRecord } from '../table.js';

export function registerStats(program: Command, io: CliIO): void {
  program
    .command('stats')
    .description('headline counts of the fact base')
    .option('--json', 'print JSON only')
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const stats = await withDb(opts, io, statsView);
      emit(io, opts, stats, () => renderRecord(Object.entries(stats)));
    });
}
