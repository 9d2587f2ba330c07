import { Command, CommanderError } from 'commander';
import { formatDiagnostic } from '../../lib/diagnostic.js';
import { CliError } from '../../lib/errors.js';
import { processIO, type CliIO } from './io.js';
import { registerValidate } from './commands/validate.js';
import { registerBuild } from './commands/build.js';
import { registerStats } from './commands/stats.js';
import { registerReleases } from './commands/releases.js';
import { registerRelease } from './commands/release.js';
import { registerOrgs } from './commands/orgs.js';
import { registerLicenses } from './commands/licenses.js';
import { registerSources } from './commands/sources.js';
import { registerTrends } from './commands/trends.js';
import { registerSignals } from './commands/signals.js';
import { registerBestOpen } from './commands/best-open.js';
import { registerGap } from './commands/gap.js';
import { registerAdoption } from './commands/adoption.js';
import { registerChoose } from './commands/choose.js';
import { registerClaims } from './commands/claims.js';
import { registerClaim } from './commands/claim.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerExportSite } from './commands/export-site.js';
import { registerAssess } from './commands/assess.js';
import { registerImport } from './commands/import.js';
import { registerQuality } from './commands/quality.js';
import { registerUnmatched } from './commands/unmatched.js';
import { registerConflicts } from './commands/conflicts.js';
import { registerRefresh } from './commands/refresh.js';
import { registerHub } from './commands/hub.js';

export function createProgram(io: CliIO): Command {
  const program = new Command('aperture')
    .description('Aperture: an observatory of AI model openness (sourced facts, openness rubrics, analytics, claim checks)')
    .option('--data <dir>', 'fact base folder (default: the shipped data/, or $APERTURE_DATA)')
    .option('--db <file>', 'DuckDB database file (default: .aperture/aperture.duckdb in the package, or $APERTURE_DB)')
    .option('--debug', 'print stack traces of unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  registerValidate(program, io);
  registerBuild(program, io);
  registerStats(program, io);
  registerReleases(program, io);
  registerRelease(program, io);
  registerOrgs(program, io);
  registerLicenses(program, io);
  registerSources(program, io);
  registerTrends(program, io);
  registerSignals(program, io);
  registerBestOpen(program, io);
  registerGap(program, io);
  registerAdoption(program, io);
  registerChoose(program, io);
  registerClaims(program, io);
  registerClaim(program, io);
  registerReport(program, io);
  registerServe(program, io);
  registerExportSite(program, io);
  registerAssess(program, io);
  registerImport(program, io);
  registerQuality(program, io);
  registerUnmatched(program, io);
  registerConflicts(program, io);
  registerRefresh(program, io);
  registerHub(program, io);
  return program;
}

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 findings or usage error, 2 unexpected
 * failure. Only this function turns errors into messages.
 */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  const program = createProgram(io);
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? 0 : 1;
    }
    if (error instanceof CliError) {
      for (const d of error.diagnostics) io.err(formatDiagnostic(d));
      io.err(`error: ${error.message}`);
      if (error.hint) io.err(`hint: ${error.hint}`);
      return error.exitCode;
    }
    const debug = argv.includes('--debug');
    io.err(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    io.err(debug && error instanceof Error && error.stack ? error.stack : 'run again with --debug for the stack trace');
    return 2;
  } finally {
    process.exitCode = undefined;
  }
}
