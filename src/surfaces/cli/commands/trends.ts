import type { Command } from 'commander';
import { TrendsParams, trendsView } from '../../../views/trends.js';
import type { TrendRow } from '../../../analytics/trends.js';
import { emit, withDb, type GlobalOptions, asOfFlag, SNAPSHOT_HELP, SNAPSHOTS_HELP } from '../context.js';
import type { CliIO } from '../io.js';
import { parseFlags } from './analytics-flags.js';
import { renderTable } from '../table.js';

/** Periods shown in the terminal table; --json has all of them. */
const SHOWN_PERIODS = 8;

export function registerTrends(program: Command, io: CliIO): void {
  program
    .command('trends')
    .description('openness per lab or country per period: releases, share with downloadable weights, flagships, rubric results')
    .option('--by <what>', 'group by org or country (a lab in n countries counts 1/n in each)', 'org')
    .option('--period <period>', 'year, half or quarter (releases dated only by year are left out of half and quarter)', 'year')
    .option('--metric <metric>', 'open-weights-share, or rubric results: mof-class, osai-score', 'open-weights-share')
    .option('--org <id>', 'only this organization (with --rollup, every lab of its group)')
    .option('--rollup', 'by org: roll each lab up to its group, the top of its parent chain (Google DeepMind and Google to Alphabet)')
    .option('--country <code>', 'only labs in this country')
    .option('--since <date>', 'only releases on or after this date')
    .option('--as-of <date>', 'use only facts dated on or before this day (YYYY-MM-DD, YYYY-MM, YYYY or today)', 'today')
    .option('--json', 'print JSON only')
    .option('--snapshot <id>', SNAPSHOT_HELP)
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .addHelpText('after', '\n"Downloadable weights" means open-weights or gated-weights (a click-through or approval on the Hub).\nExamples:\n  aperture trends --by country --period half\n  aperture trends --org meta --as-of 2025-12-04 --json')
    .action(async (o: Record<string, string>, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseFlags(TrendsParams, { as_of: await asOfFlag(opts, o.asOf), by: o.by, period: o.period, metric: o.metric, org: o.org, country: o.country, since: o.since, rollup: o.rollup });
      const result = await withDb(opts, io, (db) => trendsView(db, params));
      emit(io, opts, result, () => renderTrends(result.rows, result.metric) + `\nas of ${result.as_of}` + (result.unplaced ? `; ${result.unplaced} release(s) dated only by year left out` : ''));
    });
}

function renderTrends(rows: TrendRow[], metric: string): string {
  if (rows.length === 0) return '(no releases)';
  const periods = [...new Set(rows.map((r) => r.period))].sort().slice(-SHOWN_PERIODS);
  const groups = [...new Map(rows.map((r) => [r.group, r.group_name])).entries()];
  const cell = (r: TrendRow | undefined) => {
    if (!r) return '';
    if (metric === 'mof-class' && r.rubric) {
      const parts = [['III', r.rubric.class_3], ['II', r.rubric.class_2], ['I', r.rubric.class_1], ['none', r.rubric.unclassed]].filter(([, n]) => n);
      return parts.map(([k, n]) => `${k}:${n}`).join(' ');
    }
    if (metric === 'osai-score' && r.rubric) return r.rubric.mean_score == null ? '-' : String(r.rubric.mean_score);
    return `${r.open_weights}/${r.releases}`;
  };
  const table = groups.map(([group, name]) => {
    const row: Record<string, string> = { group, name };
    for (const p of periods) row[p] = cell(rows.find((r) => r.group === group && r.period === p));
    return row;
  });
  const legend = metric === 'open-weights-share' ? 'cells: releases with downloadable weights / releases' : metric === 'mof-class' ? 'cells: releases per Model Openness Framework class (III open model, II open tooling, I open science; none: no class reached)' : 'cells: mean OSAI index score (0-1)';
  return renderTable(table, [{ key: 'group' }, { key: 'name', max: 28 }, ...periods.map((p) => ({ key: p, align: 'right' as const }))]) + `\n${legend}`;
}
