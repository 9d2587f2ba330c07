import type { Command } from 'commander';
import { sourcesView } from '../../../views/sources.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderTable } from '../table.js';

export function registerSources(program: Command, io: CliIO): void {
  program
    .command('sources')
    .description('every source, with how many facts cite it')
    .option('--json', 'print JSON only')
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const rows = await withDb(opts, io, sourcesView);
      emit(io, opts, rows, () =>
        renderTable(rows as Record<string, unknown>[], [
          { key: 'id', max: 36 }, { key: 'publisher', max: 24 }, { key: 'accessed' }, { key: 'citations', align: 'right' }, { key: 'url', max: 60 },
        ]) + `\n${rows.length} source(s)`,
      );
    });
}
