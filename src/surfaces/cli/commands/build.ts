import type { Command } from 'commander';
import { formatDiagnostic, formatDiagnostics, printable } from '../../../lib/diagnostic.js';
import { displayPath } from '../../../lib/paths.js';
import { buildDatabase } from '../../../store/build.js';
import { resolvePaths, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';

export function registerBuild(program: Command, io: CliIO): void {
  program
    .command('build')
    .description('validate data/ and write the DuckDB database atomically (a failed build keeps the previous one)')
    .option('--json', 'print the build summary as JSON')
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const { dataDir, dbPath } = resolvePaths(opts);
      const started = performance.now();
      const result = await buildDatabase({ dataDir, dbPath });
      if (!result.ok) {
        for (const line of formatDiagnostics(result.error)) io.err(line);
        const errors = result.error.filter((d) => d.severity === 'error').length;
        io.err(`build failed: ${errors} error(s); ${displayPath(dbPath)} was left as it was`);
        if (opts.json) io.out(JSON.stringify({ ok: false, diagnostics: result.error }, null, 2));
        process.exitCode = 1;
        return;
      }
      const { tables, warnings } = result.value;
      for (const d of warnings) io.err(formatDiagnostic(d));
      if (opts.json) {
        io.out(JSON.stringify({ ok: true, db: dbPath, dataHash: result.value.dataHash, tables }, null, 2));
      } else {
        const ms = Math.round(performance.now() - started);
        io.out(`built ${displayPath(dbPath)} in ${ms} ms: ${tables.releases} releases, ${tables.organizations} organizations, ${tables.licenses} licenses, ${tables.sources} sources`);
      }
    });
}
