import type { Diagnostic } from '../lib/diagnostic.js';
import type { FactBase, Located } from './fact-base.js';
import { nameKey } from './resolve/normalize.js';
import { formatPath } from './zod-diagnostics.js';
import type { YamlPath } from './yaml-file.js';

/**
 * The key under which two names denote one model: nameKey (case, spaces, punctuation and
 * brackets dropped) after dropping a leading organization word, the Hub's `-hf` conversion
 * suffix and a `v` before a version number ("Mistral Small v24.09", "Mistral Small (24.09)").
 * A decimal point stays a difference (OPT-1.3B is not OPT-13B), and so do words such as base,
 * preview or a date: a preview and its release, or a base model and its tuned one, are two
 * releases (an endpoint name of one model is marked `endpoint_of` instead).
 */
export function duplicateKey(name: string, orgWords: readonly string[]): string {
  let t = name.toLowerCase().replace(/(\d)\.(\d)/g, '$1p$2').replace(/-hf\s*$/, '').replace(/\bv(?=\d)/g, '').trim();
  // Longest organization words first, repeatedly: "Mistral AI Mistral 7B" -> "7B".
  const words = orgWords.map((w) => w.toLowerCase()).filter((w) => w.length >= 3).sort((a, b) => b.length - a.length);
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of words) {
      const rest = t.slice(w.length);
      if (t.startsWith(w) && /^[^a-z0-9]/.test(rest) && /\d/.test(rest)) { t = rest.replace(/^[^a-z0-9]+/, ''); changed = true; break; }
    }
  }
  return nameKey(t);
}

interface Rel { id: string; name: string; org: string; type: string; hf_repos: string[]; endpoint_of?: string }

/**
 * Likely duplicates: two releases of one organization that share a Hub repo and a type (a base
 * and an instruct model may ship in one repo), or whose names are equal after normalization
 * (duplicateKey). Reported at the second record, naming the first. An endpoint
 * alias (`endpoint_of`) is one model under another name on purpose, and is not compared; merged
 * ids (data/aliases/releases.yaml `merged_ids`) may not come back as releases.
 */
export function checkDuplicates(facts: FactBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (rec: Located<unknown>, path: YamlPath, message: string, hint: string) =>
    out.push({ file: rec.origin.file, line: rec.origin.lineOf(path), path: formatPath(path), severity: 'error', rule: 'duplicate-release', message, hint });
  const at = (r: Located<Rel>) => `${r.origin.file}:${r.origin.line}`;
  const mergeHint = (first: Located<Rel>) =>
    `if both denote one model, keep "${first.value.id}" and add the other id to merged_ids in data/aliases/releases.yaml; if one is an API endpoint name of the other, set endpoint_of`;

  const orgWords = new Map(facts.orgs.map(({ value: o }) => [o.id, [o.name, o.id, ...o.aliases]]));
  const byRepo = new Map<string, Located<Rel>>();
  const byName = new Map<string, Located<Rel>>();
  const endpoints = new Set(facts.endpointAliases.map((a) => a.value.release));
  for (const rec of facts.releases as unknown as Located<Rel>[]) {
    const r = rec.value;
    if (r.endpoint_of || endpoints.has(r.id)) continue;
    let reported = false;
    r.hf_repos.forEach((repo, i) => {
      const key = `${r.org}|${r.type}|${repo.toLowerCase()}`;
      const first = byRepo.get(key);
      if (first && first.value.id !== r.id && !reported) {
        report(rec, ['hf_repos', i], `"${r.id}" and "${first.value.id}" (${at(first)}) are both ${r.type} releases of ${r.org} in the Hub repo ${repo}`, mergeHint(first));
        reported = true;
      } else if (!first) byRepo.set(key, rec);
    });
    const words = orgWords.get(r.org) ?? [];
    for (const k of [duplicateKey(r.name, words)]) {
      const key = `${r.org}|${k}`;
      const first = byName.get(key);
      if (first && first.value.id !== r.id && !reported) {
        report(rec, ['name'], `"${r.id}" and "${first.value.id}" (${at(first)}) of ${r.org} have the same name once case, punctuation and organization words are dropped ("${r.name}", "${first.value.name}")`, mergeHint(first));
        reported = true;
      } else if (!first) byName.set(key, rec);
    }
  }

  const releases = new Map((facts.releases as unknown as Located<Rel>[]).map((r) => [r.value.id, r]));
  for (const a of facts.releaseAliases) {
    a.value.merged_ids.forEach((id, i) => {
      const back = releases.get(id);
      if (back) report(a, ['merged_ids', i], `"${id}" was merged into "${a.value.release}" but is a release again (${at(back)})`, 'remove the release, or take the id out of merged_ids if the merge was wrong');
    });
  }
  return out;
}
