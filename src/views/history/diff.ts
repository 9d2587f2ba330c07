import type { Db } from '../../store/db.js';
import { todayIso } from '../../domain/index.js';
import { sqlLoader } from '../../lib/sql-files.js';
import { claimVerdictRows, type ClaimVerdictRow } from './claim-verdicts.js';

const sql = sqlLoader(new URL('./sql/', import.meta.url));

/** One side of a diff: a snapshot (its id and day) or the current built base. */
export interface DiffSide {
  ref: string;
  id: string;
  date: string;
  db: Db;
}

interface ReleaseRow { id: string; name: string; org: string; date: string; license: string | null; access: string; weights_available: boolean }
interface CapabilityRow { release_id: string; measure: string; date: string; source_id: string; value: number }

export type AccessChange = 'weights opened' | 'weights gated' | 'weights withdrawn' | 'changed';

/** Names the change of a release's most open channel as a reader of openness would. */
export function accessChange(from: string, to: string): AccessChange {
  const weights = (a: string) => a === 'open-weights' || a === 'gated-weights';
  if (to === 'open-weights') return 'weights opened';
  if (to === 'gated-weights') return from === 'open-weights' ? 'weights gated' : 'weights opened';
  if (weights(from) && !weights(to)) return 'weights withdrawn';
  return 'changed';
}

/** Verdicts a snapshot stored when taken; for the current base, computed as of today. */
async function verdicts(side: DiffSide): Promise<Map<string, ClaimVerdictRow>> {
  const stored = await side.db.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'claim_verdicts'");
  const rows = stored!.n ? await side.db.all<ClaimVerdictRow>('SELECT * FROM claim_verdicts ORDER BY id') : await claimVerdictRows(side.db, side.date);
  return new Map(rows.map((r) => [r.id, r]));
}

const byKey = <T>(rows: T[], key: (r: T) => string) => new Map(rows.map((r) => [key(r), r]));
const capKey = (r: CapabilityRow) => `${r.release_id}\u0000${r.measure}\u0000${r.date}\u0000${r.source_id}`;

/**
 * What changed from `a` to `b`: releases added and removed, license and access changes of the
 * releases in both, capability observations added, changed (same release, measure, day and
 * source, another value) and removed, claim verdicts that changed, organizations added and
 * removed. Every list is sorted, so the same two sides always give the same diff.
 */
export async function diffBases(a: DiffSide, b: DiffSide) {
  const [ra, rb] = await Promise.all([a.db.all<ReleaseRow>(sql('diff-releases')), b.db.all<ReleaseRow>(sql('diff-releases'))]);
  const ma = byKey(ra, (r) => r.id);
  const mb = byKey(rb, (r) => r.id);
  const added = rb.filter((r) => !ma.has(r.id));
  const removed = ra.filter((r) => !mb.has(r.id));
  const both = rb.filter((r) => ma.has(r.id)).map((r) => ({ before: ma.get(r.id)!, after: r }));
  const licenses = both.filter(({ before, after }) => before.license !== after.license).map(({ before, after }) => ({ release: after.id, name: after.name, from: before.license, to: after.license }));
  const access = both.filter(({ before, after }) => before.access !== after.access).map(({ before, after }) => ({ release: after.id, name: after.name, from: before.access, to: after.access, change: accessChange(before.access, after.access) }));

  const capSql = "SELECT release_id, measure, strftime(date, '%Y-%m-%d') AS date, source_id, value FROM capability_observations ORDER BY release_id, measure, date, source_id";
  const [ca, cb] = await Promise.all([a.db.all<CapabilityRow>(capSql), b.db.all<CapabilityRow>(capSql)]);
  const mca = byKey(ca, capKey);
  const mcb = byKey(cb, capKey);
  const capAdded = cb.filter((r) => !mca.has(capKey(r)));
  const capRemoved = ca.filter((r) => !mcb.has(capKey(r)));
  const capChanged = cb.filter((r) => mca.has(capKey(r)) && mca.get(capKey(r))!.value !== r.value).map((r) => ({ ...r, from: mca.get(capKey(r))!.value, to: r.value }));

  const [va, vb] = await Promise.all([verdicts(a), verdicts(b)]);
  const claims = [...new Set([...va.keys(), ...vb.keys()])].sort().flatMap((id) => {
    const x = va.get(id);
    const y = vb.get(id);
    if (x && y && x.verdict_said === y.verdict_said && x.verdict_as_of === y.verdict_as_of) return [];
    return [{ claim: id, statement: (y ?? x)!.statement, said: { from: x?.verdict_said ?? null, to: y?.verdict_said ?? null }, as_of: { from: x?.verdict_as_of ?? null, to: y?.verdict_as_of ?? null, from_date: x?.as_of ?? null, to_date: y?.as_of ?? null } }];
  });

  const orgSql = 'SELECT id, name, country FROM organizations ORDER BY id';
  const [oa, ob] = await Promise.all([a.db.all<{ id: string; name: string; country: string }>(orgSql), b.db.all<{ id: string; name: string; country: string }>(orgSql)]);
  const ida = new Set(oa.map((o) => o.id));
  const idb = new Set(ob.map((o) => o.id));

  const side = (s: DiffSide) => ({ ref: s.ref, id: s.id, date: s.date });
  return {
    from: side(a),
    to: side(b),
    releases: { added, removed },
    licenses,
    access,
    capability: { added: capAdded, changed: capChanged, removed: capRemoved },
    claims,
    organizations: { added: ob.filter((o) => !ida.has(o.id)), removed: oa.filter((o) => !idb.has(o.id)) },
  };
}
export type BaseDiff = Awaited<ReturnType<typeof diffBases>>;

/** The current base as a diff side. */
export const currentSide = (db: Db, now: Date = new Date()): DiffSide => ({ ref: 'current', id: 'current', date: todayIso(now), db });

/** Counts of each kind of change, for summaries and the dashboard. */
export function diffCounts(d: BaseDiff) {
  return {
    releases_added: d.releases.added.length, releases_removed: d.releases.removed.length, license_changes: d.licenses.length, access_changes: d.access.length,
    capability_added: d.capability.added.length, capability_changed: d.capability.changed.length, capability_removed: d.capability.removed.length,
    verdict_changes: d.claims.length, organizations_added: d.organizations.added.length, organizations_removed: d.organizations.removed.length,
  };
}
