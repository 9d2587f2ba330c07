import type { Command } from 'commander';
import { z } from 'zod';
import { CliError } from '../../../lib/errors.js';
import { build } from '../../server/build.js';
import { listen } from '../../server/listen.js';
import { warmUp } from '../../server/warm.js';
import { PAGES } from '../../web/pages/index.js';
import { ensureClientBundle } from '../../web/client/bundle.js';
import { withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { parseParams } from '../params.js';

const ServeParams = z.strictObject({
  port: z.coerce.number({ error: 'expected a port number' }).int().min(0, { error: 'expected a port from 0 to 65535' }).max(65535, { error: 'expected a port from 0 to 65535' }).default(8080),
  host: z.string().min(1).default('127.0.0.1'),
});

/** Resolves when the process is asked to stop (Ctrl+C or a service manager's SIGTERM). */
const stopSignal = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

export function registerServe(program: Command, io: CliIO, until: () => Promise<void> = stopSignal): void {
  program
    .command('serve')
    .description('serve the dashboard and HTTP API over a read-only database (rebuilt first if data/ changed)')
    .option('--port <n>', 'port to listen on; 0 picks a free one', '8080')
    .option('--host <address>', 'address to listen on; 0.0.0.0 to be reachable from other machines', '127.0.0.1')
    .action(async (o: { port: string; host: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(ServeParams, o);
      const bundle = await ensureClientBundle();
      if (bundle.problem) io.err(`note: ${bundle.problem}`);
      await withDb(opts, io, async (db) => {
        const app = await build({ db, clientDir: bundle.dir, onError: (error, req) => io.err(`error answering ${req.method} ${req.url}: ${error instanceof Error ? (opts.debug ? error.stack : error.message) : String(error)}`) });
        let url: string;
        try {
          url = await listen(app, params);
        } catch (error) {
          await app.close();
          const code = (error as { code?: string }).code;
          if (code === 'EADDRINUSE') throw new CliError(`port ${params.port} is already in use`, { hint: 'pass another --port, or --port 0 for any free port' });
          if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CliError(`cannot listen on ${params.host}: no such local address`, { hint: 'use 127.0.0.1 or 0.0.0.0' });
          throw error;
        }
        io.out(`Aperture is running at ${url}`);
        io.err('press Ctrl+C to stop');
        const stop = new AbortController();
        const warming = warmUp(app, db, PAGES, stop.signal);
        await until();
        stop.abort();
        await warming;
        await app.close();
      });
    });
}
