import type { Command } from 'commander';
import { BestOpenParams, bestOpenView } from '../../../views/best-open.js';
import { emit, withDb, type GlobalOptions, asOfFlag, SNAPSHOT_HELP, SNAPSHOTS_HELP } from '../context.js';
import type { CliIO } from '../io.js';
import { parseFlags } from './analytics-flags.js';
import { renderTable } from '../table.js';
import { renderWindow } from '../window.js';

export function registerBestOpen(program: Command, io: CliIO): void {
  program
    .command('best-open')
    .description('the best open-weights releases at a date by one capability measure, and each country\'s share of the top N')
    .option('--measure <id>', 'arena (the LMArena text rating, lmarena-text) or a benchmark id such as gpqa-diamond', 'arena')
    .option('--top <n>', 'how many releases to rank', '10')
    .option('--by <what>', 'share of the top N by country', 'country')
    .option('--max-age-days <n>', 'leave out scores observed more than this many days before the as-of date (default 365)')
    .option('--as-of <date>', 'use only releases and scores dated on or before this day (YYYY-MM-DD, YYYY-MM, YYYY or today)', 'today')
    .option('--json', 'print JSON only')
    .option('--snapshot <id>', SNAPSHOT_HELP)
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .addHelpText('after', `
Only scores of the one measure are compared, as reported (no rescaling): each release's latest
observation on or before the date. "Open-weights" includes weights behind a click-through.
The evidence window printed first says how current the scores are: the newest observation,
how many open flagships of the window have a score, and the releases that came out after it.
A release of a lab with several countries counts toward each of them.`)
    .action(async (o: Record<string, string>, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseFlags(BestOpenParams, { as_of: await asOfFlag(opts, o.asOf), measure: o.measure, top: o.top, by: o.by, max_age_days: o.maxAgeDays });
      const r = await withDb(opts, io, (db) => bestOpenView(db, params));
      emit(io, opts, r, () =>
        r.ranking.length === 0
          ? `${renderWindow(r.window)}\n\nno open-weights release has a ${r.measure} score as of ${r.as_of} (see \`aperture stats\` for observation counts)`
          : [
              renderWindow(r.window),
              '',
              renderTable(r.ranking as unknown as Record<string, unknown>[], [
                { key: 'rank', align: 'right' }, { key: 'id', max: 36 }, { key: 'org' }, { key: 'countries' }, { key: 'date' },
                { key: 'score', align: 'right' }, { key: 'observed' }, { key: 'license', max: 24 },
              ]),
              '',
              `share of the top ${r.ranking.length} by country: ${r.shares.map((s) => `${s.country} ${s.count} (${Math.round(s.share * 100)}%)`).join(', ')}`,
              `best per country: ${r.best_by_country.map((b) => `${b.country} #${b.rank} ${b.id}`).join('; ')}`,
              `${r.scored} open-weights release(s) scored on ${r.measure} as of ${r.as_of}`,
            ].join('\n'),
      );
    });
}
