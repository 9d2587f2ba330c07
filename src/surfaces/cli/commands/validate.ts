import type { Command } from 'commander';
import { formatDiagnostic, formatDiagnostics, printable, hasErrors } from '../../../lib/diagnostic.js';
import { displayPath } from '../../../lib/paths.js';
import { loadAndValidate } from '../../../facts/validate.js';
import { resolvePaths, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';

export function registerValidate(program: Command, io: CliIO): void {
  program
    .command('validate')
    .description('check every file in data/ and report all problems as file:line (exit 1 if any error)')
    .option('--json', 'print the problems as JSON')
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const { dataDir } = resolvePaths(opts);
      const { diagnostics, files, facts } = await loadAndValidate(dataDir);
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.length - errors;
      if (opts.json) {
        io.out(JSON.stringify({ ok: errors === 0, files: files.length, errors, warnings, diagnostics }, null, 2));
      } else {
        for (const line of formatDiagnostics(diagnostics)) io.err(line);
        const counts = `${facts.releases.length} releases, ${facts.orgs.length} organizations, ${facts.licenses.length} licenses, ${facts.sources.length} sources`;
        io.err(
          errors
            ? `${errors} error(s), ${warnings} warning(s) in ${displayPath(dataDir)}`
            : `${displayPath(dataDir)}: ${files.length} files ok (${counts})${warnings ? `, ${warnings} warning(s)` : ''}`,
        );
      }
      if (hasErrors(diagnostics)) process.exitCode = 1;
    });
}
