import { EOSAI_COMPONENT, type License, type MotComponent, type PeerEntry } from '../domain/index.js';
import { analyzeLicense } from '../assess/license-analysis.js';
import type { FactBase } from '../facts/fact-base.js';
import type { Row, Tables } from './rows.js';

/** Rows of the peer tables (schema-peers.sql): entries and the judgments of matched ones (pure). */
export function peerRows(facts: FactBase): Tables {
  const registry: ReadonlyMap<string, License> = new Map(facts.licenses.map(({ value }) => [value.id, value]));
  const sourceOf = new Map<string, string>();
  const t: Tables = { peer_entries: [], peer_observations: [] };
  for (const { value: e, origin } of facts.peers) {
    // Each generated file cites its dataset once, as the first source it declares.
    const source = sourceOf.get(origin.file) ?? facts.sources.find((s) => s.origin.file === origin.file)?.value.id ?? e.peer;
    sourceOf.set(origin.file, source);
    t.peer_entries!.push({
      peer: e.peer, source_id: source, entry: e.entry, name: e.name, org_name: e.org ?? null, release_id: e.release ?? null,
      base_release_id: e.peer === 'osai-index' ? (e.base_release ?? null) : null, via: e.via ?? null,
      unmatched_reason: e.unmatched?.reason ?? null, candidates: e.unmatched?.candidates?.join(',') ?? null,
      origin: e.peer === 'osai-index' ? (e.origin ?? null) : null, countries: e.peer === 'osai-index' ? (e.countries?.join(',') ?? null) : null,
      license: e.license ?? null, url: e.url ?? null, file: origin.file, line: origin.line,
    });
    if (!e.release) continue;
    const base = { peer: e.peer, source_id: source, entry: e.entry, release_id: e.release, file: origin.file };
    t.peer_observations!.push(...(e.peer === 'osai-index' ? eosaiRows(e, base, origin.lineOf) : motRows(e, base, origin.lineOf, registry)));
  }
  return t;
}

type Base = Pick<Row, 'peer' | 'source_id' | 'entry' | 'release_id' | 'file'>;
type LineOf = (path: (string | number)[]) => number;

function eosaiRows(e: Extract<PeerEntry, { peer: 'osai-index' }>, base: Base, lineOf: LineOf): Row[] {
  return Object.entries(e.grades).map(([parameter, g]) => {
    const target = EOSAI_COMPONENT[parameter as keyof typeof EOSAI_COMPONENT];
    const release = target ? (target.base ? (e.base_release ?? null) : e.release!) : null;
    return {
      ...base, parameter, component: release ? target!.component : null, component_release_id: release, says: g!.grade, grade: g!.grade,
      included: null, license: null, license_text: null, license_from: null, license_open: null,
      url: g!.links?.[0] ?? null, line: lineOf(['grades', parameter]),
    };
  });
}

function motRows(e: Extract<PeerEntry, { peer: 'mot' }>, base: Base, lineOf: LineOf, registry: ReadonlyMap<string, License>): Row[] {
  return Object.entries(e.components).map(([component, c]) => {
    const open = c!.license ? analyzeLicense(c!.license, registry).isOpen : null;
    return {
      ...base, parameter: component, component, component_release_id: e.release!, says: motSays(c!, open), grade: null,
      included: c!.included, license: c!.license ?? null, license_text: c!.license_text ?? null, license_from: c!.license_from ?? null,
      license_open: open, url: c!.url ?? null, line: lineOf(['components', component]),
    };
  });
}

/** MOT on the common scale; "Undisclosed" and texts naming no known license say nothing. */
function motSays(c: MotComponent, open: boolean | null): string | null {
  if (!c.included) return 'closed';
  if (open !== null) return open ? 'open' : 'not-open';
  if (!c.license_text || /^(unlicensed|proprietary)$/i.test(c.license_text)) return 'not-open';
  return null;
}
