import { parsePartialDate, type AccessChannel } from '../domain/index.js';
import type { FactBase } from '../facts/fact-base.js';
import type { Row, Tables } from './rows.js';

const ACCESS_ORDER: AccessChannel[] = ['open-weights', 'gated-weights', 'api', 'hosted-app', 'none'];

/** How a list of channels reads in the releases table: the most open one, and whether weights download. */
export function accessSummary(channels: readonly AccessChannel[]): { channels: AccessChannel[]; access_summary: AccessChannel; weights_available: boolean } {
  const ordered = ACCESS_ORDER.filter((a) => channels.includes(a));
  return { channels: ordered, access_summary: ordered[0] ?? 'none', weights_available: ordered.includes('open-weights') || ordered.includes('gated-weights') };
}

/**
 * The states a release went through: as first released (the `from` of its first access and
 * license changes, else its current values), then after each change. Pure.
 */
export function releaseStates(r: FactBase['releases'][number]['value']): Row[] {
  const history = r.history ?? [];
  let access: AccessChannel[] = history.find((c) => c.access)?.access!.from ?? r.access;
  const firstLicense = history.find((c) => c.license)?.license;
  let license: string | null = firstLicense ? (firstLicense.from === 'unknown' ? null : firstLicense.from) : r.license ?? null;
  const row = (seq: number, dateText: string, source: string | null): Row => {
    const d = parsePartialDate(dateText);
    if (typeof d === 'string') throw new Error(`invalid date reached the store: ${dateText}`);
    const s = accessSummary(access);
    return { release_id: r.id, seq, date: d.start, date_text: d.value, date_precision: d.precision, channels: s.channels.join(','), access_summary: s.access_summary, weights_available: s.weights_available, license_id: license, source_id: source };
  };
  const out = [row(0, r.date, null)];
  history.forEach((c, i) => {
    if (c.access) access = c.access.to;
    if (c.license) license = c.license.to;
    out.push(row(i + 1, c.date, c.source));
  });
  return out;
}

/** Rows of schema-history.sql (pure). */
export function historyRows(facts: FactBase): Tables {
  const parentOf = new Map(facts.orgs.map(({ value: o }) => [o.id, o.parent]));
  const org_ancestors: Row[] = [];
  for (const { value: o } of facts.orgs) {
    const chain = [o.id];
    // Cycles are reported by validation; stop at the first repeat so a build never loops.
    for (let p = parentOf.get(o.id); p !== undefined && parentOf.has(p) && !chain.includes(p); p = parentOf.get(p)) chain.push(p);
    chain.forEach((ancestor, depth) => org_ancestors.push({ org_id: o.id, ancestor_id: ancestor, depth, group_root: depth === chain.length - 1 }));
  }
  return {
    org_ancestors,
    release_states: facts.releases.flatMap(({ value: r }) => releaseStates(r)),
    release_endpoints: [
      ...facts.releases.filter(({ value: r }) => r.endpoint_of).map(({ value: r }) => ({ release_id: r.id, endpoint_of: r.endpoint_of! })),
      ...facts.endpointAliases.map(({ value: a }) => ({ release_id: a.release, endpoint_of: a.endpoint_of })),
    ],
    release_merged_ids: facts.releaseAliases.flatMap(({ value: a }) => a.merged_ids.map((merged_id) => ({ merged_id, release_id: a.release }))),
  };
}
