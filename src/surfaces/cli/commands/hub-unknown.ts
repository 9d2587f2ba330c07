import type { Command } from 'commander';
import { CliError } from '../../../lib/errors.js';
import { openHubDb } from '../../../hub/store.js';
import { unknownNamespaces } from '../../../hub/queries.js';
import { emit } from '../context.js';
import type { CliIO } from '../io.js';
import { renderTable } from '../table.js';
import { isoDay, wholeNumber } from './hub.js';
import { hubDirOf, type HubGlobal } from './hub-ingest.js';

export function registerHubUnknown(hub: Command, io: CliIO): void {
  hub
    .command('unknown')
    .description('the most-downloaded Hub namespaces that map to no organization (add them to an org\'s hf_namespaces to credit them)')
    .option('--top <n>', 'how many', wholeNumber('--top'), 100)
    .option('--snapshot <date>', 'which snapshot (default: the latest ingested)', isoDay('--snapshot'))
    .option('--json', 'print JSON only')
    .addHelpText('after', `
Ranked by the larger of the namespace's own 30-day downloads (what it uploaded) and the 30-day
downloads credited to it as a lineage root (what is built on it).`)
    .action(async (o: { top: number; snapshot?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<HubGlobal>();
      const db = await openHubDb(hubDirOf(opts), { readOnly: true });
      if (!db) throw new CliError('no Hub snapshot has been ingested yet', { hint: 'run aperture hub crawl, or aperture hub ingest FILE' });
      try {
        const rows = await unknownNamespaces(db, o.top, o.snapshot);
        emit(io, opts, rows, () => rows.length === 0 ? 'every namespace maps to an organization (or no such snapshot)' : renderTable(rows as unknown as Record<string, unknown>[], [
          { key: 'namespace', max: 40 }, { key: 'repos', align: 'right' },
          { key: 'downloads_30d', label: 'own downloads (30d)', align: 'right', format: (v) => Number(v).toLocaleString('en') },
          { key: 'credited_downloads_30d', label: 'as root (30d)', align: 'right', format: (v) => Number(v).toLocaleString('en') },
        ]));
      } finally {
        db.close();
      }
    });
}
