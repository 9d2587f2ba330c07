import type { Command } from 'commander';
import { AdoptionParams, adoptionView } from '../../../views/adoption.js';
import { emit, withDb, type GlobalOptions, asOfFlag, SNAPSHOT_HELP, SNAPSHOTS_HELP } from '../context.js';
import type { CliIO } from '../io.js';
import { parseFlags } from './analytics-flags.js';
import { renderTable } from '../table.js';

const SHOWN_RELATIVE = 15;

export function registerAdoption(program: Command, io: CliIO): void {
  program
    .command('adoption')
    .description('Hugging Face downloads and derivatives by origin country or lab per period, and relative adoption per release')
    .option('--by <what>', 'country or org (a lab in n countries gives each 1/n of its figures)', 'country')
    .option('--rollup', 'by org: roll each lab up to its group, the top of its parent chain (Google DeepMind and Google to Alphabet)')
    .option('--period <period>', 'month, quarter or year', 'month')
    .option('--org <id>', 'only this organization\'s releases in the relative adoption list')
    .option('--since <date>', 'only observations on or after this date')
    .option('--as-of <date>', 'use only observations dated on or before this day', 'today')
    .option('--rule <rule>', 'whole-Hub figures credited by lineage root, uploader or both (when a Hub snapshot was ingested)', 'both')
    .option('--json', 'print JSON only')
    .option('--snapshot <id>', SNAPSHOT_HELP)
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .addHelpText('after', `
Each repo counts once per period, with its latest observation in the period. Relative adoption
divides a release's 30-day downloads by those of the 10th-ranked release of its size class
(under 3B, 3B-10B, 10B-40B, 40B-150B, 150B and up) at the same age in whole months; with fewer
than 10 such peers the last-ranked one is the reference (reference_rank says which).
When \`aperture hub ingest\` has written a snapshot, the whole-Hub figures of the latest one on or
before --as-of follow, each row naming its rule: root (the labs and countries of the repo's
lineage roots) or uploader (the namespace that uploaded it).`)
    .action(async (o: Record<string, string>, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseFlags(AdoptionParams, { as_of: await asOfFlag(opts, o.asOf), by: o.by, period: o.period, since: o.since, org: o.org, rollup: o.rollup, rule: o.rule });
      const a = await withDb(opts, io, (db) => adoptionView(db, params));
      emit(io, opts, a, () =>
        a.rows.length === 0 && !a.hub
          ? `no adoption observations as of ${a.as_of} (they live in data/observations/adoption/; \`aperture refresh hub\` reads today's from the Hub)`
          : [
              renderTable(a.rows as unknown as Record<string, unknown>[], [
                { key: 'period' }, { key: 'group' }, { key: 'group_name', label: 'name', max: 28 }, { key: 'repos', align: 'right' },
                { key: 'downloads_30d', label: 'downloads (30d)', align: 'right', format: fmt }, { key: 'derivatives', align: 'right', format: fmt },
              ]),
              '',
              'relative adoption (latest age of each release):',
              renderTable(a.relative.slice(0, SHOWN_RELATIVE) as unknown as Record<string, unknown>[], [
                { key: 'id', max: 36 }, { key: 'size_class', label: 'size' }, { key: 'age_months', label: 'age (months)', align: 'right' },
                { key: 'downloads_30d', label: 'downloads (30d)', align: 'right', format: fmt }, { key: 'peers', align: 'right' },
                { key: 'reference_rank', label: 'ref. rank', align: 'right' }, { key: 'relative', align: 'right' },
              ]),
              ...(a.hub ? hubTable(a.hub) : []),
            ].join('\n'),
      );
    });
}

// A figure no observation gives is unknown, which is not the same as zero.
const fmt = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en') : 'unknown');

function hubTable(h: NonNullable<Awaited<ReturnType<typeof adoptionView>>['hub']>): string[] {
  return [
    '', `whole Hub, snapshot ${h.snapshot} (${h.rules.map((r) => `${r.rule}: ${r.label}`).join('; ')}):`,
    renderTable(h.rows as unknown as Record<string, unknown>[], [
      { key: 'rule' }, { key: 'group', max: 28 }, { key: 'repos', align: 'right', format: fmt }, { key: 'downloads_30d', label: 'downloads (30d)', align: 'right', format: fmt },
      { key: 'share_30d', label: 'share', align: 'right', format: (v) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : 'unknown') },
      { key: 'derivatives', align: 'right', format: fmt },
    ]),
  ];
}
