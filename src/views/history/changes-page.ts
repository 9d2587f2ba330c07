import type { Db } from '../../store/db.js';
import { defaultSnapshotsDir, listSnapshots, type SnapshotInfo } from '../../store/snapshots/layout.js';
import { openSnapshotDb } from '../../store/snapshots/open.js';
import { currentSide, diffBases, diffCounts, type BaseDiff, type DiffSide } from './diff.js';

/** Diffs between immutable snapshots never change, so each pair is computed once per process. */
const cache = new Map<string, BaseDiff>();

async function withSnapshot<T>(s: SnapshotInfo, fn: (side: DiffSide) => Promise<T>): Promise<T> {
  const opened = await openSnapshotDb(s);
  if (!opened.ok) throw new Error(opened.error);
  try {
    return await fn({ ref: s.id, id: s.id, date: s.date, db: opened.value });
  } finally {
    opened.value.close();
  }
}

/**
 * What changed between the two latest snapshots (the dashboard's "what changed" page). With one
 * snapshot, between it and the base being served; with none, nothing to compare.
 */
export async function changesPageView(db: Db, root: string = defaultSnapshotsDir()) {
  const all = await listSnapshots(root);
  const snapshots = all.slice(-10).reverse().map((s) => ({ id: s.id, date: s.date, label: s.label, releases: s.tables.releases ?? 0 }));
  if (all.length === 0) return { diff: null, counts: null, snapshots, problem: null as string | null };
  const [a, b] = all.length >= 2 ? [all.at(-2)!, all.at(-1)!] : [all[0]!, null];
  const key = `${a.id}..${b?.id ?? 'current'}`;
  let diff = b ? cache.get(key) : undefined;
  if (!diff) {
    try {
      diff = await withSnapshot(a, (x) => (b ? withSnapshot(b, (y) => diffBases(x, y)) : diffBases(x, currentSide(db))));
    } catch (error) {
      // A modified snapshot is the curator's to fix, not a server failure: the page says so.
      return { diff: null, counts: null, snapshots, problem: error instanceof Error ? error.message : String(error) };
    }
    if (b) cache.set(key, diff);
  }
  return { diff, counts: diffCounts(diff), snapshots, problem: null as string | null };
}
export type ChangesPage = Awaited<ReturnType<typeof changesPageView>>;

/** One row per change, for the CSV twin. */
export function changeRows(d: ChangesPage): Record<string, unknown>[] {
  const x = d.diff;
  if (!x) return [];
  return [
    ...x.releases.added.map((r) => ({ change: 'release added', id: r.id, detail: r.name, from: null, to: r.access })),
    ...x.releases.removed.map((r) => ({ change: 'release removed', id: r.id, detail: r.name, from: r.access, to: null })),
    ...x.licenses.map((r) => ({ change: 'license changed', id: r.release, detail: r.name, from: r.from, to: r.to })),
    ...x.access.map((r) => ({ change: r.change, id: r.release, detail: r.name, from: r.from, to: r.to })),
    ...x.capability.added.map((r) => ({ change: 'score added', id: r.release_id, detail: `${r.measure} ${r.date}`, from: null, to: r.value })),
    ...x.capability.changed.map((r) => ({ change: 'score changed', id: r.release_id, detail: `${r.measure} ${r.date}`, from: r.from, to: r.to })),
    ...x.capability.removed.map((r) => ({ change: 'score removed', id: r.release_id, detail: `${r.measure} ${r.date}`, from: r.value, to: null })),
    ...x.claims.map((c) => ({ change: 'verdict changed', id: c.claim, detail: c.statement, from: c.as_of.from, to: c.as_of.to })),
    ...x.organizations.added.map((o) => ({ change: 'organization added', id: o.id, detail: o.name, from: null, to: o.country })),
    ...x.organizations.removed.map((o) => ({ change: 'organization removed', id: o.id, detail: o.name, from: o.country, to: null })),
  ];
}
