import type { Command } from 'commander';
import { z } from 'zod';
import { CliError } from '../../../lib/errors.js';
import { displayPath } from '../../../lib/paths.js';
import { exportSite } from '../../export/export-site.js';
import { build } from '../../server/build.js';
import { ensureClientBundle } from '../../web/client/bundle.js';
import { PAGES } from '../../web/pages/index.js';
import { withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { parseParams } from '../params.js';

const ExportParams = z.strictObject({
  out: z.string({ error: 'pass the folder to write, e.g. --out site' }).min(1),
  base: z.string().regex(/^\/([A-Za-z0-9._~-]+\/)*$/, { error: 'expected a path starting and ending with "/", e.g. /aperture/' }).default('/'),
});

export function registerExportSite(program: Command, io: CliIO): void {
  program
    .command('export-site')
    .description('write the whole dashboard as static files (via the server\'s own routes), publishable as is')
    .requiredOption('--out <dir>', 'folder to write (replaced if it holds an earlier export)')
    .option('--base <path>', 'path the site will be published under, e.g. /aperture/ for user.github.io/aperture/', '/')
    .action(async (o: { out: string; base: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(ExportParams, o);
      const bundle = await ensureClientBundle();
      if (bundle.problem) io.err(`note: ${bundle.problem}`);
      const result = await withDb(opts, io, async (db) => {
        const app = await build({ db, clientDir: bundle.dir, basePath: params.base, static: true });
        try {
          let last = 0;
          return await exportSite({
            app, db, pages: PAGES, outDir: params.out,
            onProgress: (done, total) => {
              if (io.isTTY && (done - last >= 100 || done === total)) {
                last = done;
                io.err(`\r${done}/${total} pages`);
              }
            },
          });
        } catch (error) {
          if (error instanceof Error && /not empty|answered/.test(error.message)) throw new CliError(error.message);
          throw error;
        } finally {
          await app.close();
        }
      });
      io.out(`wrote ${result.files} files to ${displayPath(result.outDir)}`);
    });
}
