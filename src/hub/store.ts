import { mkdir, rename, rm, stat } from 'node:fs/promises';
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
 * the commit, so a failure leaves the previous snapshot as it was in both.
 */
export async function writeSnapshot(hubDir: string, meta: SnapshotMeta, agg: Aggregates): Promise<void> {
  const db = (await openHubDb(hubDir))!;
  const tmp = path.join(hubDir, `.lake-tmp-${process.pid}`);
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
    for (const t of LAKE_TABLES) {
      await db.run(`COPY (SELECT * FROM ${t} WHERE snapshot = $snapshot::DATE) TO ${q(path.join(tmp, t))} (FORMAT parquet, PARTITION_BY (snapshot), FILENAME_PATTERN 'part-{i}', OVERWRITE_OR_IGNORE)`, snap);
    }
    await db.run('COMMIT');
  } catch (error) {
    await db.run('ROLLBACK').catch(() => undefined);
    db.close();
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  db.close();
  const part = `snapshot=${meta.snapshot}`;
  for (const t of LAKE_TABLES) {
    const dest = path.join(lakePath(hubDir), t, part);
    const old = `${dest}.old-${process.pid}`;
    await mkdir(path.dirname(dest), { recursive: true });
    const had = await rename(dest, old).then(() => true, () => false);
    await rename(path.join(tmp, t, part), dest);
    if (had) await rm(old, { recursive: true, force: true });
  }
  await rm(tmp, { recursive: true, force: true });
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
