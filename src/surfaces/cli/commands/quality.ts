import type { Command } from 'commander';
import { QualityParams, qualityView } from '../../../views/quality.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { parseParams } from '../params.js';
import { renderRecord, renderTable } from '../table.js';

const TOP = 15;

export function registerQuality(program: Command, io: CliIO): void {
  program
    .command('quality')
    .description('gaps and doubts in the component facts: unknown components per release and lab, facts without evidence links, disagreements with EOSAI and MOT')
    .option('--org <id>', 'only this organization')
    .option('--imported', 'include releases created by imports (they carry no component facts)')
    .option('--json', 'print JSON only (every row, not just the top ones)')
    .action(async (o: { org?: string; imported?: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(QualityParams, { org: o.org, imported: Boolean(o.imported) });
      const q = await withDb(opts, io, (db) => qualityView(db, params));
      emit(io, opts, q, () => {
        const more = (n: number) => (n > TOP ? `\n... ${n - TOP} more (--json lists all)` : '');
        return [
          renderRecord(Object.entries(q.summary).map(([k, v]) => [k, typeof v === 'object' ? Object.entries(v).map(([a, b]) => `${a} ${b}`).join(', ') || 'none' : v])),
          '',
          'Peer indices',
          renderTable(q.peers as Record<string, unknown>[], [
            { key: 'peer' }, { key: 'entries', align: 'right' }, { key: 'matched', align: 'right' }, { key: 'unmatched', align: 'right' },
            { key: 'ambiguous', align: 'right' }, { key: 'unknown_org', label: 'unknown org', align: 'right' }, { key: 'observations', align: 'right' },
          ]),
          '',
          'Least covered labs',
          renderTable(q.labs.slice(0, TOP) as Record<string, unknown>[], [
            { key: 'org' }, { key: 'releases', align: 'right' }, { key: 'unknown_share', label: 'unknown', align: 'right', format: (v) => `${Math.round(Number(v) * 100)}%` },
            { key: 'well_known', label: '>=10 known', align: 'right' }, { key: 'no_evidence', label: 'no evidence', align: 'right' },
          ]) + more(q.labs.length),
          '',
          'Most unknown releases',
          renderTable(q.releases.slice(0, TOP) as unknown as Record<string, unknown>[], [
            { key: 'release', max: 40 }, { key: 'org' }, { key: 'unknown', align: 'right' }, { key: 'unknown_components', label: 'unknown components', max: 70 },
          ]) + more(q.releases.length),
          '',
          'Disagreements with peer indices',
          renderTable(q.disagreements.slice(0, TOP) as unknown as Record<string, unknown>[], [
            { key: 'release', max: 32 }, { key: 'component' }, { key: 'peer' },
            { key: 'theirs', format: (v, r) => [v, r.their_license].filter(Boolean).join(' ') },
            { key: 'ours', format: (v, r) => [v, r.our_license].filter(Boolean).join(' ') }, { key: 'kind' },
          ]) + more(q.disagreements.length),
        ].join('\n');
      });
    });
}
