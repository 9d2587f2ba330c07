import type { Diagnostic } from '../lib/diagnostic.js';
import { closest } from '../lib/suggest.js';
import { invalidKey, type FactBase, type Located } from './fact-base.js';
import { formatPath } from './zod-diagnostics.js';
import type { YamlPath } from './yaml-file.js';

const isGenerated = (file: string) => /(^|[\\/])imported[\\/]/.test(file);

/**
 * Cross-record checks for the import tables: observations, aliases and overrides must name
 * releases, organizations and sources that exist; an override must settle a real disagreement.
 */
export function checkImports(facts: FactBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (rec: Located<unknown>, path: YamlPath, rule: string, message: string, hint?: string, severity: 'error' | 'warning' = 'error') =>
    out.push({ file: rec.origin.file, line: rec.origin.lineOf(path), path: formatPath(path), severity, rule, message, ...(hint ? { hint } : {}) });
  const releases = new Set(facts.releases.map((r) => r.value.id));
  const orgs = new Set(facts.orgs.map((o) => o.value.id));
  const sources = new Set(facts.sources.map((s) => s.value.id));
  const known = (set: Set<string>, id: string) => set.has(id) || facts.invalidIds.has(invalidKey('releases', id));
  const release = (rec: Located<unknown>, path: YamlPath, id: string) => {
    if (known(releases, id)) return;
    const guess = closest(id, releases);
    report(rec, path, 'reference', `unknown release "${id}"`, guess ? `did you mean "${guess}"?` : 'name a release id from data/releases/ or data/imported/releases/');
  };
  const source = (rec: Located<unknown>, path: YamlPath, id: string | undefined) => {
    if (id === undefined || sources.has(id)) return;
    report(rec, path, 'reference', `unknown source "${id}"`, 'add it to a file in data/sources/ (see data/README.md, "Add a source")');
  };

  for (const o of facts.attributes) {
    release(o, ['release'], o.value.release);
    source(o, ['source'], o.value.source);
  }
  for (const a of facts.releaseAliases) release(a, ['release'], a.value.release);
  for (const a of facts.endpointAliases) {
    release(a, ['release'], a.value.release);
    release(a, ['endpoint_of'], a.value.endpoint_of);
    source(a, ['source'], a.value.source);
  }
  for (const a of facts.orgAliases) {
    source(a, ['source'], a.value.source);
    if (!orgs.has(a.value.org)) {
      const guess = closest(a.value.org, orgs);
      report(a, ['org'], 'reference', `unknown organization "${a.value.org}"`, guess ? `did you mean "${guess}"?` : 'add the organization in data/orgs/ or data/orgs-imported/');
    }
  }
  // An imported release holding a curated release's Hub repo is the same model under another name.
  const curatedRepos = new Map<string, string>();
  for (const r of facts.releases) if (!isGenerated(r.origin.file)) r.value.hf_repos.forEach((repo) => curatedRepos.set(repo.toLowerCase(), r.value.id));
  for (const r of facts.releases) {
    if (!isGenerated(r.origin.file)) continue;
    const twin = r.value.hf_repos.map((repo) => curatedRepos.get(repo.toLowerCase())).find((id) => id !== undefined);
    if (twin) report(r, ['hf_repos'], 'duplicate-release', `imported release "${r.value.id}" holds a Hub repo of curated release "${twin}"`, 'run aperture import again: the row will become observations of the curated release', 'warning');
  }

  const observed = new Map<string, Array<string | number>>();
  for (const { value: o } of facts.attributes) {
    const k = `${o.release}\0${o.attribute}`;
    observed.set(k, [...(observed.get(k) ?? []), o.value]);
  }
  for (const ov of facts.overrides) {
    const v = ov.value;
    release(ov, ['release'], v.release);
    source(ov, ['source'], v.source);
    const values = observed.get(`${v.release}\0${v.attribute}`) ?? [];
    if (releases.has(v.release) && values.length === 0)
      report(ov, ['attribute'], 'override', `no imported observation of ${v.attribute} for "${v.release}": nothing to resolve`, 'remove the override, or re-run aperture import', 'warning');
  }
  return out;
}
