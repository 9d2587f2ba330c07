import type { Command } from 'commander';
import { sqlFile } from '../../../store/sql.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderTable } from '../table.js';

interface UnmatchedRow {
  upstream: string;
  name: string;
  org: string | null;
  reason: string;
  candidates: string;
  detail: string | null;
  rows: number;
  file: string;
  line: number;
  [key: string]: unknown;
}

export function registerUnmatched(program: Command, io: CliIO): void {
  program
    .command('unmatched')
    .description('upstream names the importers could not tie to exactly one release (never guessed)')
    .option('--upstream <id>', 'only this importer (epoch, models-dev, lmarena, open-llm-leaderboard, openrouter)')
    .option('--reason <reason>', 'only this reason: unmatched, ambiguous, unknown-org, incomplete')
    .option('--json', 'print JSON only')
    .action(async (o: { upstream?: string; reason?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const rows = await withDb(opts, io, (db) => db.all<UnmatchedRow>(sqlFile('unmatched'), { upstream: o.upstream ?? null, reason: o.reason ?? null }));
      const json = rows.map((r) => ({
        upstream: r.upstream, name: r.name, org: r.org, reason: r.reason,
        candidates: r.candidates ? r.candidates.split(',') : [], detail: r.detail, rows: r.rows, file: r.file, line: r.line,
      }));
      emit(io, opts, json, () =>
        renderTable(rows, [
          { key: 'upstream' }, { key: 'reason' }, { key: 'org', max: 24 }, { key: 'name', max: 40 }, { key: 'rows', align: 'right' },
          { key: 'candidates', max: 40, format: (v, r) => (v ? String(v) : r.detail ?? '') },
        ]) + `\n${rows.length} name(s); map one with data/aliases/releases.yaml or data/aliases/orgs.yaml (see data/README.md)`,
      );
    });
}
