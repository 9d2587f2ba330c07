import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDb, type Db } from '../store/db.js';
import { sqlLoader } from '../lib/sql-files.js';
import type { Aggregates, Cell } from './aggregate.js';
import type { LineageStats } from './lineage.js';

const sql = sqlLoader(new URL('./sql/', import.meta.url));

/** Tables written per snapshot, each also a folder of the lake. */
export const LAKE_TABLES = ['hub_snapshots', 'hub_country', 'hub_org', 'hub_family', 'hub_unknown', 'hub_derivative_share'] as const;

export interface SnapshotMeta extends LineageStats {
  snapshot: string;
  repos: number;
  bad: number;
  duplicates: number;
  files: string[];
}

export const hubDbPath = (hubDir: string) => path.join(hubDir, 'hub.duckdb');
export const lakePath = (hubDir: string) => path.join(hubDir, 'lake');

export async function openHubDb(hubDir: string, opts: { readOnly?: boolean } = {}): Promise<Db | undefined> {
  const file = hubDbPath(hubDir);
  if (opts.readOnly && !(await stat(file).catch(() => undefined))) return undefined;
  await mkdir(hubDir, { recursive: true });
  const db = await openDb(file, opts);
  if (!opts.readOnly) await db.run(sql('schema'));
  return db;
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Replaces one snapshot's rows in the Hub database and its partitions in the lake. The lake is
 * written to a temporary folder inside the same transaction and moved into place only after
 * the commit, so a failure leaves the previous snapshot as it was in both. The database and the
 * lake are two stores and cannot switch at once: just before the commit a marker
 * `.lake-pending-<day>-<pid>` says the lake may lag the database for that day, and it is removed
 * once the lake is in place. A kill in between leaves the marker; the next write removes what
 * dead writers left and re-exports those days from the database, the one source of truth.
 */
export async function writeSnapshot(hubDir: string, meta: SnapshotMeta, agg: Aggregates): Promise<void> {
  const db = (await openHubDb(hubDir))!;
  await recoverLake(db, hubDir);
  const tmp = path.join(hubDir, `.lake-tmp-${process.pid}`);
  const marker = path.join(hubDir, `.lake-pending-${meta.snapshot}-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const snap = { snapshot: meta.snapshot };
  try {
    await db.run('BEGIN TRANSACTION');
    for (const t of LAKE_TABLES) await db.run(`DELETE FROM ${t} WHERE snapshot = $snapshot::DATE`, snap);
    await db.run(
      `INSERT INTO hub_snapshots VALUES ($snapshot::DATE, $repos, $edges, $missing, $cycleEdges, $cycles, $roots, $bad, $dup, $files::VARCHAR[], now()::TIMESTAMP)`,
      { ...snap, repos: meta.repos, edges: meta.edges, missing: meta.missingParents, cycleEdges: meta.cycleEdges, cycles: meta.cycles, roots: meta.roots, bad: meta.bad, dup: meta.duplicates, files: `[${meta.files.map((f) => JSON.stringify(f)).join(',')}]` },
    );
    await appendCells(db, 'hub_country', meta.snapshot, agg.country);
    await appendCells(db, 'hub_org', meta.snapshot, agg.org);
    await appendCells(db, 'hub_family', meta.snapshot, agg.family);
    await db.run('CREATE OR REPLACE TEMP TABLE stage_unknown (namespace VARCHAR, repos DOUBLE, downloads_30d DOUBLE, credited DOUBLE)');
    const ap = await db.connection.createAppender('stage_unknown', 'main', 'temp');
    for (const u of agg.unknown) {
      ap.appendVarchar(u.namespace); ap.appendDouble(u.repos); ap.appendDouble(u.downloads30d); ap.appendDouble(u.creditedDownloads30d); ap.endRow();
    }
    ap.closeSync();
    await db.run('INSERT INTO hub_unknown SELECT $snapshot::DATE, * FROM stage_unknown', snap);
    await db.run(sql('derivative-share'), snap);
    await copyLake(db, tmp, meta.snapshot);
    await writeFile(marker, `${meta.snapshot}\n`);
    await db.run('COMMIT');
  } catch (error) {
    await db.run('ROLLBACK').catch(() => undefined);
    db.close();
    await rm(tmp, { recursive: true, force: true });
    await rm(marker, { force: true });
    throw error;
  }
  db.close();
  await moveLake(hubDir, tmp, meta.snapshot);
  await rm(marker, { force: true });
}

/** Every lake table's rows of one day, as Parquet partitions under `dir`. */
async function copyLake(db: Db, dir: string, snapshot: string): Promise<void> {
  for (const t of LAKE_TABLES) {
    await db.run(`COPY (SELECT * FROM ${t} WHERE snapshot = $snapshot::DATE) TO ${q(path.join(dir, t))} (FORMAT parquet, PARTITION_BY (snapshot), FILENAME_PATTERN 'part-{i}', OVERWRITE_OR_IGNORE)`, { snapshot });
  }
}

/** Moves a day's partitions from `tmp` into the lake, each table's by one rename. */
async function moveLake(hubDir: string, tmp: string, snapshot: string): Promise<void> {
  const part = `snapshot=${snapshot}`;
  for (const t of LAKE_TABLES) {
    const dest = path.join(lakePath(hubDir), t, part);
    const old = `${dest}.old-${process.pid}`;
    await mkdir(path.dirname(dest), { recursive: true });
    const had = await rename(dest, old).then(() => true, () => false);
    // A day with no rows in a table has no partition to move.
    const moved = await rename(path.join(tmp, t, part), dest).then(() => true, (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : Promise.reject(e)));
    // Not moved: the day has no rows in this table now, so its old partition goes too.
    if (had) await rm(old, { recursive: true, force: true });
    void moved;
  }
  await rm(tmp, { recursive: true, force: true });
}

const alive = (pid: number) => {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * What killed writers left: their temporary lake folders and set-aside partitions go (a
 * partition set aside and never replaced is put back), and each day they marked pending is
 * exported again from the database, so lake and database agree again.
 */
async function recoverLake(db: Db, hubDir: string): Promise<void> {
  const entries = await readdir(hubDir).catch(() => [] as string[]);
  for (const e of entries) {
    const pid = Number(/^\.lake-tmp-(\d+)$/.exec(e)?.[1]);
    if (pid && !alive(pid)) await rm(path.join(hubDir, e), { recursive: true, force: true });
  }
  for (const t of LAKE_TABLES) {
    const dir = path.join(lakePath(hubDir), t);
    for (const e of await readdir(dir).catch(() => [] as string[])) {
      const m = /^(snapshot=[^/]+)\.old-(\d+)$/.exec(e);
      if (!m || alive(Number(m[2]))) continue;
      const dest = path.join(dir, m[1]!);
      const present = await stat(dest).then(() => true, () => false);
      await (present ? rm(path.join(dir, e), { recursive: true, force: true }) : rename(path.join(dir, e), dest));
    }
  }
  for (const e of entries) {
    const m = /^\.lake-pending-(\d{4}-\d{2}-\d{2})-(\d+)$/.exec(e);
    if (!m || alive(Number(m[2]))) continue;
    const tmp = path.join(hubDir, `.lake-tmp-${process.pid}`);
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    await copyLake(db, tmp, m[1]!);
    await moveLake(hubDir, tmp, m[1]!);
    await rm(path.join(hubDir, e), { force: true });
  }
}

async function appendCells(db: Db, table: string, snapshot: string, cells: readonly Cell[]): Promise<void> {
  await db.run('CREATE OR REPLACE TEMP TABLE stage_cells (rule VARCHAR, key VARCHAR, month VARCHAR, relation VARCHAR, repos DOUBLE, dl DOUBLE, dl_all DOUBLE)');
  const ap = await db.connection.createAppender('stage_cells', 'main', 'temp');
  for (const c of cells) {
    ap.appendVarchar(c.rule); ap.appendVarchar(c.key); ap.appendVarchar(c.month); ap.appendVarchar(c.relation);
    ap.appendDouble(c.repos); ap.appendDouble(c.downloads30d); ap.appendDouble(c.downloadsAllTime);
    ap.endRow();
  }
  ap.closeSync();
  await db.run(`INSERT INTO ${table} SELECT $snapshot::DATE, * FROM stage_cells`, { snapshot });
}
