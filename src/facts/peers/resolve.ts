import type { EosaiEntry, MotEntry, PeerBatch, PeerUpstreamEntry, Source } from '../../domain/index.js';
import type { FactBase } from '../fact-base.js';
import { isImportedFile } from '../resolve/fact-scope.js';
import { LicenseNames } from '../resolve/licenses.js';
import { OrgDirectory } from '../resolve/orgs.js';
import { ReleaseIndex, type Resolution } from '../resolve/release-index.js';

/** Counts of one peer import; shaped like the importers' ImportSummary so `import` prints both alike. */
export interface PeerImportSummary {
  importer: string;
  source: string;
  snapshot: string;
  rows: number;
  releasesCreated: 0;
  releasesMatched: number;
  matchedCurated: number;
  attributeObservations: 0;
  capabilityObservations: 0;
  adoptionObservations: 0;
  unmatched: number;
  ambiguous: number;
  incomplete: 0;
  unknownOrg: number;
  orgsAdded: 0;
  skipped: Record<string, number>;
  /** Judgments (graded parameters, listed components) of the matched entries. */
  peerObservations: number;
  /** EOSAI entries naming a separate base model that was matched too. */
  baseMatched: number;
}

export type PeerImportOutput = { dataset: Source; summary: PeerImportSummary } & (
  | { peer: 'osai-index'; entries: EosaiEntry[] }
  | { peer: 'mot'; entries: MotEntry[] }
);

/**
 * Ties each peer entry to one curated release, strongest evidence first: a Hub repo id the entry links
 * to (in the order the entry gives them), then the alias table, then its names within its
 * organization. An entry that matches several releases or none is kept with the reason, never
 * guessed. MOT license texts become license ids only where the text names one exactly.
 */
export function resolvePeers(facts: FactBase, batch: PeerBatch): PeerImportOutput {
  const orgs = new OrgDirectory(facts);
  // Only curated releases: they carry the component facts peers are compared with, and their ids
  // are stable, while an imported release's id may change whenever its dataset is re-imported.
  const curated = { ...facts, releases: facts.releases.filter((r) => !isImportedFile(r.origin.file)) };
  const index = new ReleaseIndex(curated, orgs, () => true);
  const licenses = new LicenseNames(facts);
  const upstream = batch.peer;
  const summary: PeerImportSummary = {
    importer: batch.peer, source: batch.dataset.id, snapshot: batch.dataset.accessed, rows: batch.entries.length,
    releasesCreated: 0, releasesMatched: 0, matchedCurated: 0, attributeObservations: 0, capabilityObservations: 0, adoptionObservations: 0,
    unmatched: 0, ambiguous: 0, incomplete: 0, unknownOrg: 0, orgsAdded: 0, skipped: batch.skipped, peerObservations: 0, baseMatched: 0,
  };

  const match = (q: { repos: string[]; names: string[]; fallbackNames?: string[]; org?: string }): Resolution => {
    const org = q.org ? orgs.resolve(q.org) : undefined;
    const byName = q.names.map((name) => index.resolve({ name, org, upstream }));
    for (const repo of q.repos) {
      const r = index.resolve({ name: '', repos: [repo], upstream });
      if (r.kind === 'ambiguous') return r;
      if (r.kind !== 'matched') continue;
      // A link to one model under the name of another (an index's copy-paste slip) is reported, not trusted.
      const other = byName.find((n) => n.kind === 'matched' && n.id !== r.id);
      return other?.kind === 'matched' ? { kind: 'ambiguous', candidates: [r.id, other.id].sort() } : r;
    }
    const tried = [...byName, ...(q.fallbackNames ?? []).map((name) => index.resolve({ name, org, upstream }))];
    return tried.find((r) => r.kind === 'matched') ?? tried.find((r) => r.kind === 'ambiguous') ?? { kind: org ? 'unmatched' : 'unknown-org' };
  };

  // The match goes right after the entry's names, so a reader sees it before the judgments.
  const tie = <E extends EosaiEntry | MotEntry>(u: PeerUpstreamEntry<E>, base?: Resolution): E => {
    const r = match({ ...u, org: u.entry.org });
    const { release: _r, via: _v, unmatched: _u, ...entry } = u.entry;
    const head = { entry: entry.entry, name: entry.name, ...(entry.org ? { org: entry.org } : {}) };
    if (r.kind === 'matched') {
      summary.releasesMatched++;
      if (index.releases.get(r.id)?.curated) summary.matchedCurated++;
      // EOSAI only. Without a separately named base model the base-model grades are not about this
      // release: the index grades Qwen3.5's unreleased base closed beside its open end model.
      const baseId = base?.kind === 'matched' ? base.id : undefined;
      if (baseId) summary.baseMatched++;
      return { ...head, release: r.id, via: r.via, ...(baseId ? { base_release: baseId } : {}), ...entry } as E;
    }
    if (r.kind === 'ambiguous') summary.ambiguous++;
    else if (r.kind === 'unknown-org') summary.unknownOrg++;
    else summary.unmatched++;
    return { ...head, unmatched: { reason: r.kind, ...(r.kind === 'ambiguous' ? { candidates: r.candidates } : {}) }, ...entry } as E;
  };

  if (batch.peer === 'osai-index') {
    const entries = batch.entries.map((u) => {
      const e = tie(u, u.base ? match({ ...u.base, org: u.entry.org }) : undefined);
      if (e.release) summary.peerObservations += Object.keys(e.grades).length;
      return e;
    });
    return { peer: 'osai-index', dataset: batch.dataset, entries, summary };
  }
  const entries = batch.entries.map((u) => {
    const e = tie(u);
    const components = Object.fromEntries(
      Object.entries(e.components).map(([id, c]) => {
        const license = c?.license_text ? licenses.resolve(c.license_text) : undefined;
        const { license_text, ...rest } = c!;
        return [id, license ? { ...rest, license } : c];
      }),
    );
    if (e.release) summary.peerObservations += Object.keys(components).length;
    const license = e.license ? licenses.resolve(e.license) : undefined;
    return { ...e, ...(license ? { license } : {}), components };
  });
  return { peer: 'mot', dataset: batch.dataset, entries, summary };
}
