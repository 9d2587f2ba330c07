import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../lib/paths.js';

/**
 * Snapshots live in `.aperture/snapshots/` of the package (beside the database: both are
 * produced from data/, neither is committed), overridable with --snapshots or
 * APERTURE_SNAPSHOTS. Each is one folder named by its id, never written again once renamed in.
 */
export function defaultSnapshotsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.APERTURE_SNAPSHOTS ? path.resolve(env.APERTURE_SNAPSHOTS) : path.join(PACKAGE_ROOT, '.aperture', 'snapshots');
}

/** What datapackage.json records about the snapshot itself (its `aperture` property). */
export interface SnapshotMeta {
  id: string;
  /** When it was taken, an ISO timestamp in UTC. */
  taken: string;
  /** The UTC day it was taken: what `--snapshot` answers "today" as. */
  date: string;
  label: string | null;
  data_hash: string;
  schema_version: string;
  tables: Record<string, number>;
}

export interface SnapshotInfo extends SnapshotMeta {
  dir: string;
}

/** Ids sort in time order: 2026-12-03T141030Z. */
export function snapshotId(taken: Date): string {
  return taken.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '');
}

export const TABLES_DIR = 'tables';
export const DATAPACKAGE = 'datapackage.json';
export const CITATION = 'CITATION.cff';

export async function readSnapshot(dir: string): Promise<SnapshotInfo | undefined> {
  const file = path.join(dir, DATAPACKAGE);
  if (!existsSync(file)) return undefined;
  const pkg = JSON.parse(await readFile(file, 'utf8')) as { aperture?: SnapshotMeta };
  return pkg.aperture ? { ...pkg.aperture, dir } : undefined;
}

/** Every complete snapshot, oldest first (folders being written start with a dot and are skipped). */
export async function listSnapshots(root: string): Promise<SnapshotInfo[]> {
  if (!existsSync(root)) return [];
  const names = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  const out: SnapshotInfo[] = [];
  for (const name of names) {
    const info = await readSnapshot(path.join(root, name));
    if (info) out.push(info);
  }
  return out.sort((a, b) => a.taken.localeCompare(b.taken) || a.id.localeCompare(b.id));
}

/**
 * A snapshot named by its id, `latest`, or a date (YYYY-MM-DD, YYYY-MM or YYYY): the last one
 * taken on or before the end of that day, month or year, which is what "as of" means.
 */
export async function resolveSnapshot(root: string, ref: string): Promise<{ ok: true; value: SnapshotInfo } | { ok: false; error: string; hint: string }> {
  const all = await listSnapshots(root);
  const hint = all.length ? `known snapshots: ${all.map((s) => s.id).slice(-5).join(', ')} (aperture snapshots lists them)` : 'take one with `aperture snapshot`';
  if (all.length === 0) return { ok: false, error: `no snapshots in ${root}`, hint };
  if (ref === 'latest') return { ok: true, value: all.at(-1)! };
  const exact = all.find((s) => s.id === ref);
  if (exact) return { ok: true, value: exact };
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(ref)) {
    const upTo = all.filter((s) => s.date.slice(0, ref.length) <= ref);
    if (upTo.length) return { ok: true, value: upTo.at(-1)! };
    return { ok: false, error: `no snapshot was taken on or before ${ref}`, hint };
  }
  return { ok: false, error: `no snapshot "${ref}"`, hint: `use a snapshot id, a date (YYYY-MM-DD) or latest; ${hint}` };
}
