import {
  parsePartialDate,
  type AdoptionObservation,
  type AttributeObservation,
  type ComponentId,
  type ComponentStatus,
  type CapabilityObservation,
  type DatasetInfo,
  type ImportedRelease,
  type Organization,
  type Source,
  type Unmatched,
  type UpstreamBatch,
  type UpstreamRelease,
} from '../../domain/index.js';
import type { FactBase } from '../fact-base.js';
import { LicenseNames } from './licenses.js';
import { slugify } from './normalize.js';
import { OrgDirectory } from './orgs.js';
import { ReleaseIndex, type Resolution } from './release-index.js';
import { sourceForUrl } from './url-sources.js';
import { importedFamilyId } from '../imported-family.js';

export interface ImportOutput {
  importer: string;
  dataset: DatasetInfo;
  sources: Source[];
  releases: ImportedRelease[];
  attributes: AttributeObservation[];
  capability: CapabilityObservation[];
  adoption: AdoptionObservation[];
  unmatched: Unmatched[];
  /** Organizations added to the org table from what the dataset says about them. */
  orgs: Organization[];
  summary: ImportSummary;
}

export interface ImportSummary {
  importer: string;
  source: string;
  snapshot: string;
  rows: number;
  releasesCreated: number;
  releasesMatched: number;
  matchedCurated: number;
  attributeObservations: number;
  capabilityObservations: number;
  adoptionObservations: number;
  unmatched: number;
  ambiguous: number;
  incomplete: number;
  unknownOrg: number;
  orgsAdded: number;
  skipped: Record<string, number>;
}

export interface MergeOptions {
  /** Whether a release's file is hand-curated (so matches count as curated ones). */
  isCurated: (file: string) => boolean;
  today: string;
}

/**
 * Reconciles one dataset with the fact base. Rows that match a release (curated or imported
 * earlier) become attribute observations citing the dataset; rows that match nothing and may
 * create releases become new imported releases; names that match several releases or none are
 * reported, never guessed. Curated records are only read.
 */
export function mergeBatch(facts: FactBase, importer: string, batch: UpstreamBatch, opts: MergeOptions): ImportOutput {
  const orgs = new OrgDirectory(facts);
  const index = new ReleaseIndex(facts, orgs, opts.isCurated);
  const licenses = new LicenseNames(facts);
  const ds = batch.dataset;
  const gatedWeights = curatedGating(facts, opts.isCurated);
  const sourceIds = new Set(facts.sources.map((s) => s.value.id));
  const familyIds = new Set(facts.families.map((f) => f.value.id));

  const out: ImportOutput = {
    importer, dataset: ds, sources: [datasetSource(ds)], releases: [], attributes: [], capability: [], adoption: [], unmatched: [], orgs: [],
    summary: {
      importer, source: ds.sourceId, snapshot: ds.snapshot, rows: batch.releases.length + batch.scores.length + (batch.adoption?.length ?? 0), releasesCreated: 0,
      releasesMatched: 0, matchedCurated: 0, attributeObservations: 0, capabilityObservations: 0, adoptionObservations: 0, unmatched: 0, ambiguous: 0,
      incomplete: 0, unknownOrg: 0, orgsAdded: 0, skipped: batch.skipped,
    },
  };
  sourceIds.add(ds.sourceId);
  const orgInfo = new Map(batch.orgs.map((o) => [o.name, o]));
  const unmatched = new Map<string, Unmatched>();
  const report = (name: string, org: string | undefined, r: Exclude<Resolution, { kind: 'matched' }> | { kind: 'incomplete'; detail: string }) => {
    const reason = r.kind === 'unknown-org' ? 'unknown-org' : r.kind;
    const k = `${reason}\0${org ?? ''}\0${name}`;
    const seen = unmatched.get(k);
    if (seen) {
      seen.rows++;
      return;
    }
    unmatched.set(k, {
      upstream: slugify(importer), name, ...(org ? { org } : {}), reason,
      candidates: r.kind === 'ambiguous' ? r.candidates : [],
      ...(r.kind === 'incomplete' ? { detail: r.detail } : {}), rows: 1,
    });
  };
  const addSource = (s: Source) => {
    if (sourceIds.has(s.id)) return;
    sourceIds.add(s.id);
    out.sources.push(s);
  };

  const resolveOrg = (names: readonly string[], model: string, learn: boolean): string | undefined => {
    const lead = names[0];
    if (!lead) return undefined;
    const known = orgs.resolveFor(lead, model);
    if (known || !learn) return known;
    const info = orgInfo.get(lead);
    const learned = info ? orgs.learn(info, ds.sourceId) : undefined;
    if (learned) out.orgs.push(learned);
    return learned?.id;
  };

  for (const row of batch.releases) {
    const org = resolveOrg(row.orgNames, row.name, false);
    const res = index.resolve({ name: row.name, org, repos: row.hfRepos, upstream: slugify(importer) });
    if (res.kind === 'matched') {
      const known = index.releases.get(res.id)!;
      if (known.fromThisRun) continue; // a repeated row of this dataset
      out.summary.releasesMatched++;
      if (known.curated) out.summary.matchedCurated++;
      out.attributes.push(...observe(res.id, row, licenses, ds));
      row.hfRepos.forEach((repo) => index.addRepo(repo, res.id));
      continue;
    }
    if (res.kind === 'ambiguous') {
      if (!row.quiet) report(row.name, row.orgNames[0], res);
      continue;
    }
    if (!row.creates) {
      if (!row.quiet) report(row.name, row.orgNames[0], res);
      continue;
    }
    const orgId = org ?? resolveOrg(row.orgNames, row.name, true);
    if (!orgId) {
      report(row.name, row.orgNames[0], { kind: 'unknown-org' });
      continue;
    }
    const missing = row.incomplete ?? (row.date && future(row.date, opts.today) ? `date ${row.date} is after the import date` : undefined);
    if (missing || !row.date || !row.access) {
      report(row.name, row.orgNames[0], { kind: 'incomplete', detail: missing ?? 'no date or access' });
      continue;
    }
    const id = uniqueId(slugify(row.name, { keepParentheticals: true }), orgId, index, familyIds);
    // The base model only when it resolves to exactly one release (by repo, alias or name in the same org).
    const base = row.baseModel ? index.resolve({ name: row.baseModel.name ?? '', org: orgId, repos: row.baseModel.repo ? [row.baseModel.repo] : [], upstream: slugify(importer) }) : undefined;
    const baseId = base?.kind === 'matched' && base.id !== id ? base.id : undefined;
    const perModel = row.url ? sourceForUrl(row.url, `${row.name}: reference given by ${ds.publisher}`, ds.snapshot) : undefined;
    if (perModel) addSource(perModel);
    const license = hasWeights(row.access) ? licenses.of(row) : undefined;
    const release: ImportedRelease = {
      id, name: row.name, org: orgId, date: row.date, ...(ds.dateKind ? { date_kind: ds.dateKind } : {}), type: row.type ?? 'other',
      ...(row.params?.total || row.params?.active ? { params: { ...(row.params.total ? { total: row.params.total } : {}), ...(row.params.active ? { active: row.params.active } : {}) } } : {}),
      ...(baseId ? { base_model: baseId } : {}),
      modalities: row.modalities ?? ['text'], hf_repos: [...new Set(row.hfRepos)], access: alignGating(row.access, gatedWeights.get(`${orgId}\0${license}`)),
      ...(license ? { license } : {}),
      flagship: false, components: componentsOf(row, ds.sourceId), sources: perModel ? [ds.sourceId, perModel.id] : [ds.sourceId],
    };
    out.releases.push(release);
    index.add({ id, org: orgId, name: row.name, curated: false, fromThisRun: true }, row.hfRepos);
  }

  const seenScore = new Set<string>();
  for (const s of batch.scores) {
    const org = s.orgNames[0] ? orgs.resolveFor(s.orgNames[0], s.name) : undefined;
    const res = index.resolve({ name: s.name, org, repos: s.hfRepo ? [s.hfRepo] : [], upstream: slugify(importer) });
    if (res.kind !== 'matched') {
      if (!s.quiet) report(s.name, s.orgNames[0], res);
      continue;
    }
    if (future(s.date, opts.today)) continue;
    const src = s.url ? sourceForUrl(s.url, `Benchmark results cited by ${ds.publisher}`, ds.snapshot) : undefined;
    if (src) addSource(src);
    const source = src?.id ?? ds.sourceId;
    const k = `${res.id}\0${s.measure}\0${s.date}\0${source}`;
    if (seenScore.has(k)) continue;
    seenScore.add(k);
    out.capability.push({ release: res.id, measure: s.measure, value: s.value, ...(s.low !== undefined && s.high !== undefined ? { low: s.low, high: s.high } : {}), date: s.date, source });
  }

  // Adoption figures belong to a repo whatever release it is; the release is named only when the
  // repo resolves to exactly one, and an unknown repo is still kept (its namespace gives the lab).
  const seenAdoption = new Set<string>();
  for (const a of batch.adoption ?? []) {
    if (future(a.date, opts.today)) continue;
    const k = `${a.repo.toLowerCase()}\0${a.date}`;
    if (seenAdoption.has(k)) continue;
    seenAdoption.add(k);
    // Only the repo decides: a product name could stand for a whole family of repos.
    const found = index.resolve({ name: a.name, repos: [a.repo], upstream: slugify(importer) });
    const res: Resolution = found.kind === 'ambiguous' || (found.kind === 'matched' && found.via === 'hub-repo') ? found : { kind: 'unmatched' };
    if (res.kind !== 'matched') report(a.repo, undefined, res);
    const src = a.url ? sourceForUrl(a.url, `Hugging Face page of ${a.repo}, figures as read by ${ds.publisher} on ${a.date}`, a.date, `${ds.sourceId}@${a.date}`) : undefined;
    if (src) addSource(src);
    out.adoption.push({
      repo: a.repo, ...(res.kind === 'matched' ? { release: res.id } : {}), date: a.date,
      ...(a.downloads30d !== undefined ? { downloads_30d: a.downloads30d } : {}),
      ...(a.likes !== undefined ? { likes: a.likes } : {}),
      ...(a.derivatives ? { derivatives: a.derivatives } : {}),
      source: src?.id ?? ds.sourceId,
    });
  }

  out.unmatched = [...unmatched.values()].sort((a, b) => a.reason.localeCompare(b.reason) || (a.org ?? '').localeCompare(b.org ?? '') || a.name.localeCompare(b.name));
  const count = (reason: string) => out.unmatched.filter((u) => u.reason === reason).length;
  Object.assign(out.summary, {
    releasesCreated: out.releases.length, attributeObservations: out.attributes.length, capabilityObservations: out.capability.length,
    adoptionObservations: out.adoption.length, unmatched: count('unmatched'), ambiguous: count('ambiguous'), incomplete: count('incomplete'), unknownOrg: count('unknown-org'), orgsAdded: out.orgs.length,
  });
  return out;
}

/** The component statuses a dataset states, each citing the dataset. */
function componentsOf(row: UpstreamRelease, source: string): ImportedRelease['components'] {
  const out: ImportedRelease['components'] = {};
  for (const [id, c] of Object.entries(row.components ?? {}) as [ComponentId, { status: ComponentStatus; url?: string }][]) out[id] = { ...c, source };
  return out;
}

function datasetSource(ds: DatasetInfo): Source {
  return { id: ds.sourceId, url: ds.url, publisher: ds.publisher, title: ds.title, license: ds.license, accessed: ds.snapshot, kind: 'dataset' };
}

/**
 * Per organization and weights license, whether the curated releases say the weights need a
 * click-through: `gated` when every curated release with that pair is gated-weights, `open` when
 * none is, undefined when they differ. Datasets write "open weights" for any downloadable
 * checkpoint (Epoch's label, a Hub license tag), so an imported Gemma 1.1 would read as open
 * where every curated Gemma is gated.
 */
function curatedGating(facts: FactBase, isCurated: (file: string) => boolean): Map<string, 'gated' | 'open' | undefined> {
  const out = new Map<string, 'gated' | 'open' | undefined>();
  for (const { value: r, origin } of facts.releases) {
    if (!isCurated(origin.file) || !r.license || r.endpoint_of) continue;
    const kind = r.access.includes('open-weights') ? 'open' : r.access.includes('gated-weights') ? 'gated' : undefined;
    if (!kind) continue;
    const k = `${r.org}\0${r.license}`;
    out.set(k, out.has(k) && out.get(k) !== kind ? undefined : kind);
  }
  return out;
}

/** A dataset's open weights as gated when the curated releases of that org and license all are. */
function alignGating(access: ImportedRelease['access'], curated: 'gated' | 'open' | undefined): ImportedRelease['access'] {
  if (curated !== 'gated' || !access.includes('open-weights')) return access;
  return [...new Set(access.map((c) => (c === 'open-weights' ? 'gated-weights' : c)))];
}

const hasWeights = (access: readonly string[]) => access.includes('open-weights') || access.includes('gated-weights');

function future(date: string, today: string): boolean {
  const p = parsePartialDate(date);
  return typeof p !== 'string' && p.start > today;
}

/** What the dataset says about a release that already exists, attribute by attribute. */
function observe(release: string, row: UpstreamRelease, licenses: LicenseNames, ds: DatasetInfo): AttributeObservation[] {
  const out: AttributeObservation[] = [];
  const source = ds.sourceId;
  const add = (attribute: AttributeObservation['attribute'], value: string | number | undefined) => {
    if (value !== undefined && value !== '') out.push({ release, attribute, value, source, ...(attribute === 'date' && ds.dateKind ? { date_kind: ds.dateKind } : {}), upstream_name: row.name });
  };
  if (!row.dateIsProxy) add('date', row.date);
  add('params-total', row.params?.total);
  add('params-active', row.params?.active);
  // The most open channel the dataset gives (catalogs that only say a model is served give none).
  add('access', row.access?.[0]);
  add('license', licenses.of(row));
  [...new Set(row.hfRepos)].forEach((repo) => add('hf-repo', repo));
  return out;
}

/** A release id from its name; prefixed with the org when the name alone is taken. */
function uniqueId(base: string, org: string, index: ReleaseIndex, families: Set<string>): string {
  const free = (id: string) => !index.has(id) && !families.has(importedFamilyId(id));
  const slug = base || 'model';
  if (free(slug)) return slug;
  const prefixed = slug.startsWith(`${org}-`) ? slug : `${org}-${slug}`;
  if (free(prefixed)) return prefixed;
  for (let i = 2; ; i++) if (free(`${prefixed}-${i}`)) return `${prefixed}-${i}`;
}
