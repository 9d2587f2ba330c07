import type { Command } from 'commander';
import { GapParams, gapView } from '../../../views/gap.js';
import { emit, withDb, type GlobalOptions, asOfFlag, SNAPSHOT_HELP, SNAPSHOTS_HELP } from '../context.js';
import type { CliIO } from '../io.js';
import { parseFlags } from './analytics-flags.js';
import { renderTable } from '../table.js';
import { renderWindow } from '../window.js';

const SHOWN_POINTS = 12;

export function registerGap(program: Command, io: CliIO): void {
  program
    .command('gap')
    .description('the open-closed frontier gap: best open vs best closed score per month, months open models took to reach each closed record, and the trend of that lag')
    .option('--measure <id>', 'arena (lmarena-text) or a benchmark id', 'arena')
    .option('--since <date>', 'start the series here instead of at the first observation')
    .option('--max-age-days <n>', 'at each date, leave out scores observed more than this many days before it (default 365)')
    .option('--as-of <date>', 'use only releases and scores dated on or before this day', 'today')
    .option('--json', 'print JSON only (the whole monthly series)')
    .option('--snapshot <id>', SNAPSHOT_HELP)
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .addHelpText('after', `
Dates are month-ends, so lags are whole months. A closed record is a month in which the best
closed score rose above every earlier one; its lag is the months until the best open-weights
score first reached it. The trend is a least-squares slope of lag against time.`)
    .action(async (o: Record<string, string>, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseFlags(GapParams, { as_of: await asOfFlag(opts, o.asOf), measure: o.measure, since: o.since, max_age_days: o.maxAgeDays });
      const g = await withDb(opts, io, (db) => gapView(db, params));
      emit(io, opts, g, () => {
        if (g.series.length === 0) return `${renderWindow(g.window)}\n\nno ${g.measure} scores as of ${g.as_of}`;
        const t = g.trend;
        return [
          // filter(Boolean) below drops empty lines, so the blank line after the window is part of it.
          `${renderWindow(g.window)}\n`,
          renderTable(g.series.slice(-SHOWN_POINTS) as unknown as Record<string, unknown>[], [
            { key: 'date' }, { key: 'best_open', label: 'best open', align: 'right' }, { key: 'best_open_release', label: 'release', max: 30 },
            { key: 'best_closed', label: 'best closed', align: 'right' }, { key: 'best_closed_release', label: 'release', max: 30 }, { key: 'gap', align: 'right' },
          ]),
          '',
          'closed records and the months open models took to reach them:',
          renderTable(g.records as unknown as Record<string, unknown>[], [
            { key: 'date' }, { key: 'closed_release', label: 'closed release', max: 30 }, { key: 'score', align: 'right' },
            { key: 'reached_on', label: 'reached', format: (v) => (v as string | null) ?? 'not yet' }, { key: 'open_release', label: 'open release', max: 30 },
            { key: 'lag_months', label: 'lag (months)', align: 'right', format: (v, r) => (v === null ? `>${(r as { waiting_months: number }).waiting_months}` : String(v)) },
          ]),
          '',
          `lag trend: ${t.direction}${t.slope_months_per_year === null ? ` (${t.reached_records} reached record(s); 3 are needed)` : ` (${t.slope_months_per_year} months per year over ${t.reached_records} records; mean lag ${t.mean_lag_months} months)`}`,
          g.behind_months === null ? '' : `as of ${g.as_of}, the best open model stands where the closed frontier stood ${g.behind_months} month(s) earlier`,
          g.newest_observation && g.newest_observation < g.as_of ? `the newest ${g.measure} observation is from ${g.newest_observation}; later months repeat it` : '',
        ].filter(Boolean).join('\n');
      });
    });
}
