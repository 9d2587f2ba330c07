import type { Command } from 'commander';
import { ClaimsParams, claimsView } from '../../../views/claims.js';
import type { ClaimResult } from '../../../claims/evaluate.js';
import { emit, type GlobalOptions, asOfFlag, SNAPSHOT_HELP, SNAPSHOTS_HELP } from '../context.js';
import type { CliIO } from '../io.js';
import { parseFlags } from './analytics-flags.js';
import { renderTable } from '../table.js';
import { describeWindow } from '../../../analytics/evidence-window.js';
import { withCheckedClaims } from './claim.js';

export function registerClaims(program: Command, io: CliIO): void {
  program
    .command('claims')
    .description('every claim\'s verdict (supported, partly-supported, contradicted, not-enough-data) with evidence and an explanation')
    .option('--as-of <date>', '"said" (default: the day each claim was made), "today", or a date (YYYY-MM-DD, YYYY-MM, YYYY)', 'said')
    .option('--json', 'print JSON only')
    .option('--snapshot <id>', SNAPSHOT_HELP)
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .addHelpText('after', `
Claims live in data/claims/ (see data/claims/README.md). A verdict as of a date uses only
releases, scores and events dated on or before it. \`aperture claim <id> --timeline\` shows how a
verdict changed over time.`)
    .action(async (o: Record<string, string>, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseFlags(ClaimsParams, { as_of: await asOfFlag(opts, o.asOf) });
      const result = await withCheckedClaims(opts, io, (db) => claimsView(db, params));
      emit(io, opts, result, () => (result.claims.length ? result.claims.map(renderClaim).join('\n\n') : '(no claims in data/claims/)'));
    });
}

export function renderClaim(c: ClaimResult): string {
  return [
    `${c.verdict.toUpperCase()}${c.stale ? ' (STALE EVIDENCE)' : ''}  ${c.id}  (as of ${c.as_of})`,
    `  "${c.statement}" - ${c.speaker}, ${c.said} [${c.source.id}]`,
    `  ${c.explanation}`,
    ...(c.measures ? ['  evidence windows:', ...c.measures.map((m) => `    ${m.checked ? 'checked    ' : 'not checked'} ${describeWindow(m.window)}`)] : []),
    c.evidence.length
      ? renderTable(
          c.evidence.map((e) => ({ ...e, what: e.kind === 'release' ? e.id : e.name, score: e.score ?? '', sources: e.sources.join(', ') })) as unknown as Record<string, unknown>[],
          [{ key: 'kind' }, { key: 'date' }, { key: 'what', max: 48 }, { key: 'score', align: 'right' }, { key: 'note', max: 56 }, { key: 'sources', max: 50 }],
        ).replace(/^/gm, '  ')
      : '  (no evidence rows)',
  ].join('\n');
}
