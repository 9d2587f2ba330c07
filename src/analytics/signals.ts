import type { Db } from '../store/db.js';
import { addDays } from './as-of.js';
import { runQuery } from './sql.js';

export type SignalKind =
  | 'first-open-release'
  | 'flagship-closed'
  | 'flagship-opened'
  | 'weights-gated'
  | 'weights-ungated'
  | 'license-tightened'
  | 'license-loosened'
  | 'weights-opened'
  | 'weights-withdrawn'
  | 'model-withheld'
  | 'last-open-release';

export type Direction = 'retreat' | 'advance';

export interface SignalRelease {
  id: string;
  name: string;
  date: string;
  access: string;
  license: string | null;
}

export interface SignalEvent {
  id: string;
  date: string;
  kind: string;
  title: string;
}

export interface Signal {
  org: string;
  org_name: string;
  /** As written in the fact base: a day, or a month or year when that is all that is known. */
  date: string;
  /** The first day the date can denote (for sorting and windows). */
  day: string;
  kind: SignalKind;
  direction: Direction;
  /** What happened, in plain words. */
  title: string;
  releases: SignalRelease[];
  /** Events of the same lab within the window around the signal's date. */
  events: SignalEvent[];
  sources: string[];
}

export interface SignalOptions {
  asOf: string;
  org?: string;
  /** Period over which flagships are pooled before comparing (a lab with an open and a closed flagship line is "mixed"). */
  period?: 'year' | 'half' | 'quarter';
  /** Days either side of a signal within which a lab's events are listed. */
  windowDays?: number;
  /** Roll each lab up to its group (the top of its parent chain): signals per group. */
  rollup?: boolean;
}

interface Rel {
  org: string; org_name: string; id: string; name: string; date: string; day: string; known_on: string; date_precision: string;
  flagship: boolean; weights_available: boolean; access: string; license: string | null;
  license_category: string | null; commercial_use: string | null; sources: string | null;
}
interface Change {
  org: string; org_name: string; id: string; name: string; date: string; day: string;
  was_weights: boolean; weights: boolean; was_access: string; access: string;
  was_license: string | null; license: string | null; was_category: string | null; category: string | null; source: string | null;
}
interface Ev { id: string; date: string; day: string; kind: string; title: string; orgs: string[]; releases: string[]; sources: string | null }

const DIRECTION: Record<SignalKind, Direction> = {
  'first-open-release': 'advance', 'flagship-opened': 'advance', 'weights-ungated': 'advance', 'license-loosened': 'advance',
  'weights-opened': 'advance', 'weights-withdrawn': 'retreat',
  'flagship-closed': 'retreat', 'weights-gated': 'retreat', 'license-tightened': 'retreat', 'model-withheld': 'retreat', 'last-open-release': 'retreat',
};

/** How restrictive a weights license is: 0 open source, 1 custom terms, 2 non-commercial, 3 proprietary; null when unknown. */
export function licenseRank(category: string | null): number | null {
  switch (category) {
    case 'open-source': case 'open-data': case 'open-documentation': return 0;
    case 'custom-restrictive': return 1;
    case 'non-commercial': return 2;
    case 'proprietary': return 3;
    default: return null;
  }
}

const periodOf = (day: string, precision: string, period: 'year' | 'half' | 'quarter'): string => {
  const y = day.slice(0, 4);
  const m = Number(day.slice(5, 7));
  if (period === 'year' || precision === 'year') return y;
  return period === 'half' ? `${y}-H${m <= 6 ? 1 : 2}` : `${y}-Q${Math.ceil(m / 3)}`;
};

const split = (s: string | null) => (s ? s.split(',') : []);
const brief = (r: Rel): SignalRelease => ({ id: r.id, name: r.name, date: r.date, access: r.access, license: r.license });

/**
 * Retreat and advance signals per lab as of a date: a flagship line going closed after open
 * ones (or the reverse), weights put behind a click-through, a weights license tightened or
 * loosened, a model withheld, the first open release, and a last open release followed only by
 * closed ones. Each signal lists its releases, sources and the lab's events around it.
 */
export async function signals(db: Db, o: SignalOptions): Promise<Signal[]> {
  const period = o.period ?? 'half';
  const window = o.windowDays ?? 180;
  const params = { as_of: o.asOf, org: o.org ?? null, rollup: o.rollup ?? false };
  const releases = await runQuery<Rel>(db, 'signals-releases', params);
  const events = await runQuery<Ev>(db, 'signals-events', params);
  const changes = await runQuery<Change>(db, 'signals-changes', params);
  const out: Omit<Signal, 'events'>[] = [];
  const push = (at: { org: string; org_name: string; date: string; day: string }, kind: SignalKind, title: string, rels: Rel[], extraSources: string[] = []) =>
    out.push({ org: at.org, org_name: at.org_name, date: at.date, day: at.day, kind, direction: DIRECTION[kind], title, releases: rels.map(brief), sources: [...new Set([...rels.flatMap((r) => split(r.sources)), ...extraSources])].sort() });

  const byOrg = new Map<string, Rel[]>();
  for (const r of releases) byOrg.set(r.org, [...(byOrg.get(r.org) ?? []), r]);

  // A release whose weights came out after its release date (its history) was first open on that change's day.
  const openedOn = new Map<string, Change>();
  for (const c of changes) if (!c.was_weights && c.weights && !openedOn.has(c.id)) openedOn.set(c.id, c);

  for (const [, list] of byOrg) {
    const first = list
      .filter((r) => r.weights_available)
      .map((r) => ({ r, at: openedOn.has(r.id) ? { ...r, date: openedOn.get(r.id)!.date, day: openedOn.get(r.id)!.day } : r }))
      .sort((a, b) => a.at.day.localeCompare(b.at.day))[0];
    if (first) push(first.at, 'first-open-release', `first release with downloadable weights: ${first.r.name}`, [first.r]);

    // Flagships pooled per period: open, closed or mixed (an open and a closed line side by side).
    const periods = new Map<string, Rel[]>();
    for (const r of list.filter((x) => x.flagship)) {
      const key = periodOf(r.day, r.date_precision, period);
      periods.set(key, [...(periods.get(key) ?? []), r]);
    }
    let prev: { state: 'open' | 'closed' | 'mixed'; rels: Rel[] } | undefined;
    for (const [, rels] of [...periods.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const open = rels.filter((r) => r.weights_available).length;
      const state = open === rels.length ? 'open' : open === 0 ? 'closed' : 'mixed';
      if (prev && state === 'closed' && prev.state !== 'closed') {
        const closed = rels[0]!;
        const lastOpen = prev.rels.filter((r) => r.weights_available).at(-1)!;
        push(closed, 'flagship-closed', `flagship ${closed.name} has no downloadable weights, after ${lastOpen.name} had them`, [lastOpen, ...rels]);
      } else if (prev && state !== 'closed' && prev.state === 'closed') {
        const opened = rels.find((r) => r.weights_available)!;
        push(opened, 'flagship-opened', `flagship ${opened.name} has downloadable weights, after closed flagships (${prev.rels.at(-1)!.name})`, [prev.rels.at(-1)!, opened]);
      }
      prev = { state, rels };
    }

    // Consecutive open flagships: gating and license changes.
    const openFlagships = list.filter((r) => r.flagship && r.weights_available);
    for (let i = 1; i < openFlagships.length; i++) {
      const a = openFlagships[i - 1]!;
      const b = openFlagships[i]!;
      if (a.day === b.day) continue;
      if (a.access === 'open-weights' && b.access === 'gated-weights') push(b, 'weights-gated', `${b.name} weights need a click-through or approval; ${a.name} did not`, [a, b]);
      if (a.access === 'gated-weights' && b.access === 'open-weights') push(b, 'weights-ungated', `${b.name} weights download without a click-through; ${a.name} needed one`, [a, b]);
      const ra = licenseRank(a.license_category);
      const rb = licenseRank(b.license_category);
      if (ra !== null && rb !== null && ra !== rb) {
        const kind = rb > ra ? 'license-tightened' : 'license-loosened';
        push(b, kind, `${b.name} ships under ${b.license} (${b.license_category}), ${rb > ra ? 'more' : 'less'} restrictive than ${a.name}'s ${a.license} (${a.license_category})`, [a, b]);
      }
    }

    // The last open release, when only closed releases surely came after it (at least two): a
    // release dated "2025-09" is not known to precede one dated 2025-09-23.
    const lastOpenIdx = list.map((r) => r.weights_available).lastIndexOf(true);
    const after = lastOpenIdx >= 0 ? list.slice(lastOpenIdx + 1).filter((r) => r.day > list[lastOpenIdx]!.known_on) : [];
    if (lastOpenIdx >= 0 && after.length >= 2) {
      const last = list[lastOpenIdx]!;
      push(last, 'last-open-release', `no downloadable weights since ${last.name}: ${after.length} later releases, all closed`, [last, ...after.slice(0, 3)]);
    }
  }

  // A release's own history: weights opened after an API launch, gated, withdrawn; a relicensing.
  for (const c of changes) {
    const before: SignalRelease = { id: c.id, name: c.name, date: c.date, access: c.was_access, license: c.was_license };
    const after: SignalRelease = { id: c.id, name: c.name, date: c.date, access: c.access, license: c.license };
    const add = (kind: SignalKind, title: string) =>
      out.push({ org: c.org, org_name: c.org_name, date: c.date, day: c.day, kind, direction: DIRECTION[kind], title, releases: [before, after], sources: c.source ? [c.source] : [] });
    if (!c.was_weights && c.weights) add('weights-opened', `${c.name} weights can be downloaded from ${c.date} (${c.access}); before, ${c.was_access} only`);
    else if (c.was_weights && !c.weights) add('weights-withdrawn', `${c.name} weights can no longer be downloaded from ${c.date} (${c.access} only)`);
    else if (c.was_access === 'open-weights' && c.access === 'gated-weights') add('weights-gated', `${c.name} weights need a click-through or approval from ${c.date}`);
    else if (c.was_access === 'gated-weights' && c.access === 'open-weights') add('weights-ungated', `${c.name} weights download without a click-through from ${c.date}`);
    const ra = licenseRank(c.was_category);
    const rb = licenseRank(c.category);
    if (c.was_license !== c.license && ra !== null && rb !== null && ra !== rb)
      add(rb > ra ? 'license-tightened' : 'license-loosened', `${c.name} relicensed on ${c.date} from ${c.was_license} (${c.was_category}) to ${c.license} (${c.category})`);
  }

  const relById = new Map(releases.map((r) => [r.id, r]));
  const orgName = new Map(releases.map((r) => [r.org, r.org_name]));
  for (const e of events.filter((x) => x.kind === 'withheld-model')) {
    for (const org of e.orgs.filter((x) => o.org === undefined || x === o.org)) {
      const rels = e.releases.map((id) => relById.get(id)).filter((r): r is Rel => r !== undefined && r.org === org);
      push({ org, org_name: orgName.get(org) ?? org, date: e.date, day: e.day }, 'model-withheld', e.title, rels, split(e.sources));
    }
  }

  return out
    .map((s) => {
      const lo = addDays(s.day, -window);
      const hi = addDays(s.day, window);
      const around = events
        .filter((e) => e.orgs.includes(s.org) && e.day >= lo && e.day <= hi && !(s.kind === 'model-withheld' && e.title === s.title))
        .map((e) => ({ id: e.id, date: e.date, kind: e.kind, title: e.title }));
      return { ...s, events: around };
    })
    .sort((a, b) => a.day.localeCompare(b.day) || a.org.localeCompare(b.org) || a.kind.localeCompare(b.kind));
}
