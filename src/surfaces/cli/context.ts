import { existsSync } from 'node:fs';
import { defaultDataDir, defaultDbPath, displayPath } from '../../lib/paths.js';
import { CliError } from '../../lib/errors.js';
import { openDb, type Db } from '../../store/db.js';
import { checkFreshness } from '../../store/freshness.js';
import type { CliIO } from './io.js';
import { defaultSnapshotsDir, resolveSnapshot, type SnapshotInfo } from '../../store/snapshots/layout.js';
import { openSnapshotDb } from '../../store/snapshots/open.js';

export interface GlobalOptions {
  data?: string;
  db?: string;
  debug?: boolean;
  json?: boolean;
  /** Answer from this snapshot (id, date or latest) instead of the built base. */
  snapshot?: string;
  /** Where snapshots live (default .aperture/snapshots, or $APERTURE_SNAPSHOTS). */
  snapshots?: string;
}

export const snapshotsRoot = (opts: GlobalOptions): string => (opts.snapshots ? opts.snapshots : defaultSnapshotsDir());

/** The snapshot a command names with --snapshot, or a usage error that lists the known ones. */
export async function namedSnapshot(opts: GlobalOptions, ref: string): Promise<SnapshotInfo> {
  const found = await resolveSnapshot(snapshotsRoot(opts), ref);
  if (!found.ok) throw new CliError(found.error, { hint: found.hint });
  return found.value;
}

/**
 * "today" as a query from a snapshot means the day it was taken, so that a snapshot keeps
 * answering as it did then instead of extending its series to the day it is read.
 */
export async function asOfFlag(opts: GlobalOptions, value: string | undefined): Promise<string | undefined> {
  if (typeof opts.snapshot !== 'string' || (value !== undefined && value !== 'today')) return value;
  return (await namedSnapshot(opts, opts.snapshot)).date;
}

export function resolvePaths(opts: GlobalOptions): { dataDir: string; dbPath: string } {
  return { dataDir: opts.data ? opts.data : defaultDataDir(), dbPath: opts.db ? opts.db : defaultDbPath() };
}

/**
 * Opens the database read-only for a query, rebuilding it first when data/ changed since the
 * last build, so a contributor's edit shows up in the next query without a separate step.
 */
export async function withDb<T>(opts: GlobalOptions, io: CliIO, fn: (db: Db) => Promise<T>): Promise<T> {
  if (typeof opts.snapshot === 'string') return withSnapshotDb(await namedSnapshot(opts, opts.snapshot), fn);
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

export async function withSnapshotDb<T>(snapshot: SnapshotInfo, fn: (db: Db) => Promise<T>): Promise<T> {
  const opened = await openSnapshotDb(snapshot);
  if (!opened.ok) throw new CliError(opened.error, { hint: 'snapshots are immutable: take a new one with `aperture snapshot`' });
  try {
    return await fn(opened.value);
  } finally {
    opened.value.close();
  }
}

/** Help of --snapshot and --snapshots, which every analytics and claims command takes. */
export const SNAPSHOT_HELP = 'answer from this snapshot (an id, a date: the last one taken on or before it, or latest) as when it was taken; "today" is the day it was taken';
export const SNAPSHOTS_HELP = 'where snapshots live (default .aperture/snapshots, or $APERTURE_SNAPSHOTS)';

/** Print JSON alone on stdout (for pipes and scripts), or a human rendering. */
export function emit(io: CliIO, opts: GlobalOptions, data: unknown, human: () => string): void {
  if (opts.json) io.out(JSON.stringify(data, null, 2));
  else io.out(human());
}
