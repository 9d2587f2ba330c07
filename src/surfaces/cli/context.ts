import { existsSync } from 'node:fs';
import { defaultDataDir, defaultDbPath, displayPath } from '../../lib/paths.js';
import { CliError } from '../../lib/errors.js';
import { openDb, type Db } from '../../store/db.js';
import { checkFreshness } from '../../store/freshness.js';
import type { CliIO } from './io.js';

export interface GlobalOptions {
  data?: string;
  db?: string;
  debug?: boolean;
  json?: boolean;
}

export function resolvePaths(opts: GlobalOptions): { dataDir: string; dbPath: string } {
  return { dataDir: opts.data ? opts.data : defaultDataDir(), dbPath: opts.db ? opts.db : defaultDbPath() };
}

/**
 * Opens the database read-only for a query, rebuilding it first when data/ changed since the
 * last build, so a contributor's edit shows up in the next query without a separate step.
 */
export async function withDb<T>(opts: GlobalOptions, io: CliIO, fn: (db: Db) => Promise<T>): Promise<T> {
  const { dataDir, dbPath } = resolvePaths(opts);
  // One read-only connection serves both the freshness check and the query when data/ is unchanged.
  let db = existsSync(dbPath) ? await openDb(dbPath, { readOnly: true }).catch(() => undefined) : undefined;
  const freshness = db ? await checkFreshness(dataDir, dbPath, db) : await checkFreshness(dataDir, dbPath);
  if (!freshness.fresh) {
    db?.close();
    db = undefined;
    io.err(freshness.reason === 'missing' ? `building ${displayPath(dbPath)} from ${displayPath(dataDir)}...` : `data changed since the last build; rebuilding ${displayPath(dbPath)}...`);
    // Loaded only when needed: the build pulls in the loader, every schema and the rubrics.
    const { buildDatabase } = await import('../../store/build.js');
    const built = await buildDatabase({ dataDir, dbPath });
    if (!built.ok) {
      const blocker = built.error.find((d) => d.rule === 'db-target' || d.rule === 'disk-full');
      if (blocker) throw new CliError(`${blocker.file}: ${blocker.message}`, { hint: blocker.hint });
      throw new CliError(`the data in ${displayPath(dataDir)} has ${built.error.filter((d) => d.severity === 'error').length} error(s); the database was not rebuilt`, {
        diagnostics: built.error,
        hint: 'fix them (aperture validate lists them) and run the command again',
      });
    }
  }
  db ??= await openDb(dbPath, { readOnly: true });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** Print JSON alone on stdout (for pipes and scripts), or a human rendering. */
export function emit(io: CliIO, opts: GlobalOptions, data: unknown, human: () => string): void {
  if (opts.json) io.out(JSON.stringify(data, null, 2));
  else io.out(human());
}
