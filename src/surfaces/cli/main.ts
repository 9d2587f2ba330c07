import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { formatDiagnostic, formatDiagnostics, printable } from '../../lib/diagnostic.js';
import { CliError } from '../../lib/errors.js';
import { processIO, type CliIO } from './io.js';

type Register = (program: Command, io: CliIO) => void;

/**
 * Every command, in the order `--help` lists them, each loaded only when it runs: a command
 * module pulls in what it needs (DuckDB, jsdom and Plot, Fastify, the Hub client), and loading
 * all of them costs seconds that `aperture stats` should not pay.
 */
const COMMANDS: ReadonlyArray<{ name: string; load: () => Promise<Register> }> = [
  { name: 'validate', load: () => import('./commands/validate.js').then((m) => m.registerValidate) },
  { name: 'build', load: () => import('./commands/build.js').then((m) => m.registerBuild) },
  { name: 'stats', load: () => import('./commands/stats.js').then((m) => m.registerStats) },
  { name: 'releases', load: () => import('./commands/releases.js').then((m) => m.registerReleases) },
  { name: 'release', load: () => import('./commands/release.js').then((m) => m.registerRelease) },
  { name: 'orgs', load: () => import('./commands/orgs.js').then((m) => m.registerOrgs) },
  { name: 'licenses', load: () => import('./commands/licenses.js').then((m) => m.registerLicenses) },
  { name: 'sources', load: () => import('./commands/sources.js').then((m) => m.registerSources) },
  { name: 'trends', load: () => import('./commands/trends.js').then((m) => m.registerTrends) },
  { name: 'signals', load: () => import('./commands/signals.js').then((m) => m.registerSignals) },
  { name: 'best-open', load: () => import('./commands/best-open.js').then((m) => m.registerBestOpen) },
  { name: 'gap', load: () => import('./commands/gap.js').then((m) => m.registerGap) },
  { name: 'adoption', load: () => import('./commands/adoption.js').then((m) => m.registerAdoption) },
  { name: 'choose', load: () => import('./commands/choose.js').then((m) => m.registerChoose) },
  { name: 'claims', load: () => import('./commands/claims.js').then((m) => m.registerClaims) },
  { name: 'claim', load: () => import('./commands/claim.js').then((m) => m.registerClaim) },
  { name: 'report', load: () => import('./commands/report.js').then((m) => m.registerReport) },
  { name: 'serve', load: () => import('./commands/serve.js').then((m) => m.registerServe) },
  { name: 'export-site', load: () => import('./commands/export-site.js').then((m) => m.registerExportSite) },
  { name: 'assess', load: () => import('./commands/assess.js').then((m) => m.registerAssess) },
  { name: 'import', load: () => import('./commands/import.js').then((m) => m.registerImport) },
  { name: 'quality', load: () => import('./commands/quality.js').then((m) => m.registerQuality) },
  { name: 'unmatched', load: () => import('./commands/unmatched.js').then((m) => m.registerUnmatched) },
  { name: 'conflicts', load: () => import('./commands/conflicts.js').then((m) => m.registerConflicts) },
  { name: 'refresh', load: () => import('./commands/refresh.js').then((m) => m.registerRefresh) },
  { name: 'export', load: () => import('./commands/export.js').then((m) => m.registerExport) },
  { name: 'snapshot', load: () => import('./commands/snapshot.js').then((m) => m.registerSnapshot) },
  { name: 'snapshots', load: () => import('./commands/snapshot.js').then((m) => m.registerSnapshot) },
  { name: 'diff', load: () => import('./commands/diff.js').then((m) => m.registerDiff) },
  { name: 'ingest', load: () => import('./commands/ingest.js').then((m) => m.registerIngest) },
  { name: 'hub', load: () => import('./commands/hub.js').then((m) => m.registerHub) },
];

/** Global options that take a value, skipped when looking for the command name in argv. */
const VALUE_OPTIONS = new Set(['--data', '--db']);

/** The command argv names (the first word that is not a global option), if any. */
export function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * The program with the commands argv needs: only the named one when it is known, else all of
 * them (for help, or for commander to suggest the closest name to a typo).
 */
export async function createProgram(io: CliIO, argv?: readonly string[]): Promise<Command> {
  const program = new Command('aperture')
    .description('Aperture: an observatory of AI model openness (sourced facts, openness rubrics, analytics, claim checks)')
    .option('--data <dir>', 'fact base folder (default: the shipped data/, or $APERTURE_DATA)')
    .option('--db <file>', 'DuckDB database file (default: .aperture/aperture.duckdb in the package, or $APERTURE_DB)')
    .option('--debug', 'print stack traces of unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  const name = argv && commandName(argv);
  const only = COMMANDS.find((c) => c.name === name);
  const registers = await Promise.all((only ? [only] : COMMANDS).map((c) => c.load()));
  // One module may register several commands (snapshot and snapshots): register each once.
  for (const register of new Set(registers)) register(program, io);
  return program;
}

/**
 * `aperture --help` as the compiled CLI renders it, written beside the compiled main.js by
 * scripts/compile.mjs: the top-level help lists every command, and loading every command to
 * print it would make the one command people run first the slowest. Absent when running from
 * the TypeScript sources; then help is rendered from the commands themselves.
 */
function cachedTopLevelHelp(argv: readonly string[]): string | undefined {
  const asksHelp = argv.length === 0 || (argv.length === 1 && ['--help', '-h', 'help'].includes(argv[0]!));
  if (!asksHelp) return undefined;
  try {
    return readFileSync(fileURLToPath(new URL('./help.txt', import.meta.url)), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 findings or usage error, 2 unexpected
 * failure. Only this function turns errors into messages.
 */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  process.exitCode = undefined;
  try {
    const help = cachedTopLevelHelp(argv);
    if (help !== undefined) {
      // Without a command commander prints help on stderr and fails; with --help, stdout and 0.
      if (argv.length === 0) io.err(help);
      else io.out(help);
      return argv.length === 0 ? 1 : 0;
    }
    const program = await createProgram(io, argv);
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? 0 : 1;
    }
    if (error instanceof CliError) {
      for (const line of formatDiagnostics(error.diagnostics)) io.err(line);
      io.err(`error: ${printable(error.message)}`);
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
