import type { Command } from 'commander';
import { CliError } from '../../../lib/errors.js';
import type { Db } from '../../../store/db.js';
import { checkClaimFiles } from '../../../claims/validate.js';
import { ClaimsParams, ClaimTimelineParams, claimsView, claimTimelineView } from '../../../views/claims.js';
import { progressBar } from '../../report/progress.js';
import { emit, resolvePaths, withDb, type GlobalOptions, asOfFlag, SNAPSHOT_HELP, SNAPSHOTS_HELP } from '../context.js';
import type { CliIO } from '../io.js';
import { parseFlags } from './analytics-flags.js';
import { renderTable } from '../table.js';
import { renderClaim } from './claims.js';

/**
 * Opens the database after checking the claim files can run (known labs and releases, a rule
 * for the analysis); problems are reported as file:line errors and exit 1.
 */
export async function withCheckedClaims<T>(opts: GlobalOptions, io: CliIO, fn: (db: Db) => Promise<T>): Promise<T> {
  const { dataDir } = resolvePaths(opts);
  return withDb(opts, io, async (db) => {
    // A snapshot holds the claims as they were built; today's claim files are not its claims.
    if (typeof opts.snapshot === 'string') return fn(db);
    const problems = await checkClaimFiles(db, dataDir);
    if (problems.length) throw new CliError(`${problems.length} claim check(s) cannot run`, { diagnostics: problems, hint: 'fix the claim files (see data/claims/README.md) and run again' });
    return fn(db);
  });
}

export function registerClaim(program: Command, io: CliIO): void {
  program
    .command('claim <id>')
    .description('one claim\'s verdict with evidence, or with --timeline how its verdict changed over time')
    .option('--as-of <date>', '"said" (default), "today", or a date', 'said')
    .option('--timeline', 'the verdict at every step from --from to --to')
    .option('--from <date>', 'timeline start (default: three years before the claim was made)')
    .option('--to <date>', 'timeline end', 'today')
    .option('--step <step>', 'timeline step: month, quarter or year', 'quarter')
    .option('--json', 'print JSON only')
    .option('--snapshot <id>', SNAPSHOT_HELP)
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .action(async (id: string, o: Record<string, string | boolean>, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const unknown = () => new CliError(`no claim with id "${id}"`, { hint: 'list them with `aperture claims`' });
      if (o.timeline) {
        const params = parseFlags(ClaimTimelineParams, { id, from: o.from, to: await asOfFlag(opts, o.to as string), step: o.step });
        const bar = progressBar(!opts.json);
        const t = await withCheckedClaims(opts, io, async (db) => {
          let started = false;
          try {
            return await claimTimelineView(db, params, (done, total) => {
              if (!started) bar.start(total, `checking ${id}`);
              started = true;
              bar.update(done);
            });
          } finally {
            bar.stop();
          }
        });
        if (!t) throw unknown();
        emit(io, opts, t, () =>
          [
            `"${t.statement}" (said ${t.said})`,
            renderTable(t.spans as unknown as Record<string, unknown>[], [{ key: 'from' }, { key: 'to' }, { key: 'verdict' }]),
            `${t.points.length} dates checked`,
          ].join('\n'),
        );
        return;
      }
      const params = parseFlags(ClaimsParams, { as_of: await asOfFlag(opts, o.asOf as string | undefined), id });
      const result = await withCheckedClaims(opts, io, (db) => claimsView(db, params));
      const claim = result.claims[0];
      if (!claim) throw unknown();
      emit(io, opts, claim, () => renderClaim(claim) + `\n  sources: ${claim.sources.join(', ')}\n  defined at ${claim.defined_at}`);
    });
}
