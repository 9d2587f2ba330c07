import path from 'node:path';
import { openDb, type Db } from '../db.js';
import { changedFiles } from './checksums.js';
import { loadParquet } from './copy.js';
import type { SnapshotInfo } from './layout.js';
import { TABLES_DIR } from './layout.js';

/**
 * The snapshot as a database: its Parquet tables loaded into an in-memory DuckDB, so the same
 * queries run on it as on the built base. Checksums are verified first: a snapshot whose files
 * changed would no longer answer as it did when taken.
 */
export async function openSnapshotDb(snapshot: SnapshotInfo): Promise<{ ok: true; value: Db } | { ok: false; error: string }> {
  const changed = await changedFiles(snapshot.dir);
  if (changed.length) return { ok: false, error: `snapshot ${snapshot.id} was modified after it was taken (${changed.join(', ')} no longer match SHA256SUMS)` };
  const db = await openDb(':memory:');
  try {
    for (const table of Object.keys(snapshot.tables)) await loadParquet(db, table, path.join(snapshot.dir, TABLES_DIR, `${table}.parquet`));
  } catch (error) {
    db.close();
    throw error;
  }
  return { ok: true, value: db };
}
