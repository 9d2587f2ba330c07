import { open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../lib/diagnostic.js';
import { displayPath } from '../lib/paths.js';
import { openDb } from './db.js';

/** DuckDB files carry "DUCK" at byte 8 of their first block. */
const MAGIC = Buffer.from('DUCK');

/**
 * Whether the build may replace the file at dbPath. A typo such as `--db data/orgs/meta.yaml`
 * must never turn a curated file (or anyone's database) into ours, so an existing file is
 * replaced only when it is a DuckDB database Aperture built (it has our build_info table).
 * An empty file holds nothing to lose and is allowed.
 */
export async function checkDbTarget(dbPath: string, cwd?: string): Promise<Diagnostic | undefined> {
  const shown = displayPath(dbPath, cwd);
  const refuse = (message: string, hint: string): Diagnostic => ({ file: shown, line: 1, path: '', severity: 'error', rule: 'db-target', message, hint });
  const info = await stat(dbPath).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) return refuse('--db names a folder or special file, not a database file', 'pass --db FILE with a file name ending in .duckdb');
  if (info.size === 0) return undefined;
  const head = Buffer.alloc(12);
  const handle = await open(dbPath, 'r');
  try {
    await handle.read(head, 0, 12, 0);
  } finally {
    await handle.close();
  }
  if (!head.subarray(8, 12).equals(MAGIC)) {
    return refuse('the file exists and is not a DuckDB database; it was not touched', 'pass --db with a new file name, or the path of a database Aperture built');
  }
  try {
    const db = await openDb(dbPath, { readOnly: true });
    try {
      const row = await db.one<{ n: number }>("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'build_info'");
      if (row?.n) return undefined;
    } finally {
      db.close();
    }
  } catch {
    return refuse('the file is a DuckDB database Aperture cannot open (in use, or written by another DuckDB version); it was not touched', 'delete it if it is an old Aperture database, or pass --db with another file name');
  }
  return refuse('the file is a DuckDB database that Aperture did not build; it was not touched', 'pass --db with a new file name');
}

/**
 * Removes the temporaries (`<db>.tmp-<pid>-<time>` and their `.wal`) of builds whose process
 * is gone: a build killed mid-way cannot clean up after itself, and they would pile up.
 * Temporaries of a live process are another build running now, and are left alone.
 */
export async function removeStaleTemporaries(dbPath: string): Promise<string[]> {
  const dir = path.dirname(dbPath);
  const prefix = `${path.basename(dbPath)}.tmp-`;
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    await rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
