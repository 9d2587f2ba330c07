import type { Command } from 'commander';
import { formatParamCount } from '../../../domain/param-count.js';
import { ReleasesParams, releasesView } from '../../../views/releases.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { parseParams } from '../params.js';
import { renderTable } from '../table.js';

export function registerReleases(program: Command, io: CliIO): void {
  program
    .command('releases')
    .description('list releases, newest first')
    .option('--org <id>', 'only this organization')
    .option('--country <code>', 'only labs based in this country (ISO code, e.g. CN)')
    .option('--access <channel>', 'only releases reachable this way: open-weights, gated-weights, api, hosted-app, none')
    .option('--since <date>', 'released on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'released on or before this date')
    .option('--q <text>', 'text search in names, ids, labs and hub repos')
    .option('--json', 'print JSON only')
    .action(async (o: Record<string, string>, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(ReleasesParams, { org: o.org, country: o.country, access: o.access, since: o.since, until: o.until, q: o.q });
      const rows = await withDb(opts, io, (db) => releasesView(db, params));
      emit(io, opts, rows, () =>
        renderTable(rows as Record<string, unknown>[], [
          { key: 'date' },
          { key: 'id', max: 40 },
          { key: 'org' },
          { key: 'country' },
          { key: 'params_total', label: 'params', align: 'right', format: (v) => formatParamCount(v as number | null) },
          { key: 'access' },
          { key: 'license', max: 28 },
        ]) + `\n${rows.length} release(s)`,
      );
    });
}
