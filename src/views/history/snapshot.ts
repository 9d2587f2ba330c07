import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { noRoom } from '../../lib/files.js';
import { displayPath } from '../../lib/paths.js';
import { todayIso } from '../../domain/index.js';
import type { Db } from '../../store/db.js';
import { CHECKSUMS_FILE, renderChecksums, sha256File } from '../../store/snapshots/checksums.js';
import { baseTables, copyQuery, queryColumns, quoteIdent } from '../../store/snapshots/copy.js';
import { citationCff, dataPackage, type DatasetSource, type ResourceInput } from '../../store/snapshots/datapackage.js';
import { CITATION, DATAPACKAGE, snapshotId, TABLES_DIR, type SnapshotInfo, type SnapshotMeta } from '../../store/snapshots/layout.js';
import { claimVerdictRows, storeClaimVerdicts } from './claim-verdicts.js';

export interface TakeSnapshotOptions {
  db: Db;
  root: string;
  label?: string;
  now?: Date;
  /** Called after each table is written, for a progress bar. */
  progress?: (done: number, total: number) => void;
}

/** The table of claim verdicts a snapshot adds to the stored tables, as of the day it was taken. */
export const CLAIM_VERDICTS = 'claim_verdicts';

/**
 * Writes an immutable snapshot of the whole built base: every table as Parquet, the claims'
 * verdicts as of the day, datapackage.json, CITATION.cff and SHA256SUMS. Everything is written
 * in a dot-folder beside the snapshots and renamed into place, so a crash leaves no half
 * snapshot (listings skip dot-folders) and an existing snapshot is never written over.
 */
export async function takeSnapshot(opts: TakeSnapshotOptions): Promise<{ ok: true; value: SnapshotInfo } | { ok: false; error: string }> {
  const now = opts.now ?? new Date();
  const id = snapshotId(now);
  const final = path.join(opts.root, id);
  if (existsSync(final)) return { ok: false, error: `snapshot ${id} already exists; snapshots are never written over (wait a second and take another)` };
  const tmp = path.join(opts.root, `.tmp-${id}-${process.pid}`);
  await removeDeadTemporaries(opts.root);
  try {
    await mkdir(path.join(tmp, TABLES_DIR), { recursive: true });
    const date = todayIso(now);
    await storeClaimVerdicts(opts.db, CLAIM_VERDICTS, await claimVerdictRows(opts.db, date));
    const tables = [...(await baseTables(opts.db)), CLAIM_VERDICTS].sort();
    const resources: ResourceInput[] = [];
    for (const [i, name] of tables.entries()) {
      const rel = `${TABLES_DIR}/${name}.parquet`;
      const select = `SELECT * FROM ${quoteIdent(name)}`;
      await copyQuery(opts.db, select, path.join(tmp, rel), 'parquet');
      const rows = (await opts.db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(name)}`))!.n;
      const file = path.join(tmp, rel);
      resources.push({ name, path: rel, columns: await queryColumns(opts.db, select), rows, bytes: (await stat(file)).size, sha256: await sha256File(file) });
      opts.progress?.(i + 1, tables.length);
    }
    const info = Object.fromEntries((await opts.db.all<{ key: string; value: string }>('SELECT key, value FROM build_info')).map((r) => [r.key, r.value]));
    const meta: SnapshotMeta = {
      id, taken: now.toISOString(), date, label: opts.label ?? null,
      data_hash: info.data_hash ?? 'unknown', schema_version: info.schema_version ?? 'unknown',
      tables: Object.fromEntries(resources.map((r) => [r.name, r.rows])),
    };
    const sources = await opts.db.all<DatasetSource>("SELECT coalesce(title, id) AS title, url AS path, license FROM sources WHERE kind = 'dataset' ORDER BY id");
    await writeFile(path.join(tmp, DATAPACKAGE), JSON.stringify(dataPackage(meta, resources, sources), null, 2) + '\n');
    await writeFile(path.join(tmp, CITATION), citationCff(meta));
    const sums: Record<string, string> = Object.fromEntries(resources.map((r) => [r.path, r.sha256]));
    for (const f of [DATAPACKAGE, CITATION]) sums[f] = await sha256File(path.join(tmp, f));
    await writeFile(path.join(tmp, CHECKSUMS_FILE), renderChecksums(sums));
    await rename(tmp, final);
    return { ok: true, value: { ...meta, dir: final } };
  } catch (error) {
    // Out of room (a full disk, a quota, a file-size limit): a clean error naming the path; the
    // half-written folder goes in `finally`, the snapshots taken before are untouched.
    const full = noRoom(error);
    if (!full) throw error;
    return { ok: false, error: `cannot write ${displayPath(full.file ?? tmp)}: ${full.reason} (${full.code}); no snapshot was written and the earlier ones are unchanged` };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** `.tmp-<id>-<pid>` folders of snapshot writers that are no longer running (a kill leaves one). */
async function removeDeadTemporaries(root: string): Promise<void> {
  for (const e of await readdir(root).catch(() => [] as string[])) {
    const pid = Number(/^\.tmp-.+-(\d+)$/.exec(e)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') await rm(path.join(root, e), { recursive: true, force: true }).catch(() => {});
    }
  }
}
