import type { Command } from 'commander';
import { SignalsParams, signalsView } from '../../../views/signals.js';
import type { Signal } from '../../../analytics/signals.js';
import { emit, withDb, type GlobalOptions, asOfFlag, SNAPSHOT_HELP, SNAPSHOTS_HELP } from '../context.js';
import type { CliIO } from '../io.js';
import { parseFlags } from './analytics-flags.js';
import { renderTable } from '../table.js';

export function registerSignals(program: Command, io: CliIO): void {
  program
    .command('signals')
    .description('retreat and advance signals per lab, with dates, evidence and the events around them')
    .option('--org <id>', 'only this organization (shows evidence and events for each signal)')
    .option('--rollup', 'signals per group: each lab rolled up to the top of its parent chain (Google DeepMind and Google to Alphabet); with --org, that lab\'s group')
    .option('--direction <d>', 'only retreat or advance signals')
    .option('--period <period>', 'flagships are pooled per year, half or quarter before comparing', 'half')
    .option('--window-days <n>', 'list events within this many days of each signal', '180')
    .option('--as-of <date>', 'use only facts dated on or before this day (YYYY-MM-DD, YYYY-MM, YYYY or today)', 'today')
    .option('--json', 'print JSON only')
    .option('--snapshot <id>', SNAPSHOT_HELP)
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .addHelpText('after', `
Signals: first-open-release, flagship-opened, weights-ungated, weights-opened, license-loosened
(advance); flagship-closed, weights-gated, weights-withdrawn, license-tightened, model-withheld,
last-open-release (retreat). weights-opened and -withdrawn, and a release's own relicensing,
come from its dated history (data/README.md, "Access and license over time").
A flagship line is "closed" in a period when none of the lab's flagships of that period has
downloadable weights; licenses rank open source < custom terms < non-commercial < proprietary.`)
    .action(async (o: Record<string, string>, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseFlags(SignalsParams, { as_of: await asOfFlag(opts, o.asOf), org: o.org, direction: o.direction, period: o.period, window_days: o.windowDays, rollup: o.rollup });
      const result = await withDb(opts, io, (db) => signalsView(db, params));
      emit(io, opts, result, () => (o.org ? renderDetailed(result.signals) : renderList(result.signals)) + `\n${result.signals.length} signal(s) as of ${result.as_of}`);
    });
}

function renderList(signals: Signal[]): string {
  return renderTable(signals as unknown as Record<string, unknown>[], [
    { key: 'date' }, { key: 'org' }, { key: 'direction' }, { key: 'kind' }, { key: 'title', max: 90 },
    { key: 'events', label: 'events', align: 'right', format: (v) => String((v as unknown[]).length) },
  ]);
}

function renderDetailed(signals: Signal[]): string {
  if (signals.length === 0) return '(no signals)';
  return signals
    .map((s) =>
      [
        `${s.date}  ${s.direction}  ${s.kind}  ${s.org_name}`,
        `  ${s.title}`,
        ...(s.releases.length ? [`  releases: ${s.releases.map((r) => `${r.id} (${r.date}, ${r.access}${r.license ? `, ${r.license}` : ''})`).join('; ')}`] : []),
        ...s.events.map((e) => `  event ${e.date} ${e.kind}: ${e.title}`),
        `  sources: ${s.sources.join(', ') || 'none'}`,
      ].join('\n'),
    )
    .join('\n\n');
}
