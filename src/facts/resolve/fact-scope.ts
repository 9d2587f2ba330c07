import type { FactBase, Located, Origin } from '../fact-base.js';
import type { ImportOutput } from './merge.js';
import { importedFamilyId } from '../imported-family.js';

/** Files written by importers: data/imported/[g<N>/]<kind>/<importer>.ndjson (.yaml before). */
export function isImportedFile(file: string, importer?: string): boolean {
  const m = /(?:^|[\\/])imported[\\/](?:g\d+[\\/])?[^\\/]+[\\/]([^\\/]+)\.(?:ya?ml|ndjson)$/.exec(file);
  return m !== null && (importer === undefined || m[1] === importer);
}

/**
 * The fact base without the generated files of some importers, so that re-running an import
 * starts from what the others (and curators) say, not from its own previous output.
 */
export function withoutImports(facts: FactBase, importers: readonly string[] | 'all'): FactBase {
  const drop = (file: string) => (importers === 'all' ? isImportedFile(file) : importers.some((i) => isImportedFile(file, i)));
  const keep = <T>(list: Located<T>[]) => list.filter((x) => !drop(x.origin.file));
  return {
    ...facts,
    sources: keep(facts.sources), orgs: facts.orgs, licenses: facts.licenses, families: keep(facts.families),
    releases: keep(facts.releases), events: facts.events, claims: facts.claims, capability: keep(facts.capability),
    adoption: keep(facts.adoption), attributes: keep(facts.attributes), overrides: facts.overrides, unmatched: keep(facts.unmatched),
    releaseAliases: facts.releaseAliases, orgAliases: facts.orgAliases,
  };
}

/** Adds one import's output to an in-memory fact base, so the next importer of a run sees it. */
export function addImportToFacts(facts: FactBase, out: ImportOutput): void {
  const at = (kind: string): Origin => ({ file: `data/imported/${kind}/${out.importer}.ndjson`, line: 1, lineOf: () => 1 });
  out.sources.forEach((value) => facts.sources.push({ value, origin: at('sources') }));
  out.orgs.forEach((value) => facts.orgs.push({ value, origin: { file: 'data/orgs-imported/orgs.yaml', line: 1, lineOf: () => 1 } }));
  for (const r of out.releases) {
    const family = r.family ?? importedFamilyId(r.id);
    facts.families.push({ value: { id: family, name: r.name, org: r.org, sources: r.sources }, origin: at('releases') });
    facts.releases.push({ value: { ...r, family }, origin: at('releases') });
  }
  out.attributes.forEach((value) => facts.attributes.push({ value, origin: at('observations') }));
  out.capability.forEach((value) => facts.capability.push({ value, origin: at('capability') }));
  out.adoption.forEach((value) => facts.adoption.push({ value, origin: at('adoption') }));
}
