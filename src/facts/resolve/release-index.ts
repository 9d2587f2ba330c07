import type { FactBase } from '../fact-base.js';
import { nameKey, nameKeyVariants } from './normalize.js';
import type { OrgDirectory } from './orgs.js';

/** What resolution needs to know about a release already in the fact base. */
export interface KnownRelease {
  id: string;
  org: string;
  name: string;
  /** Created by the import now running (a repeated row), rather than found in data/. */
  fromThisRun?: boolean;
  curated: boolean;
}

export type Resolution =
  | { kind: 'matched'; id: string; via: 'hub-repo' | 'alias' | 'name' }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unmatched' }
  | { kind: 'unknown-org' };

const push = <K>(map: Map<K, Set<string>>, key: K, id: string) => {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
};

/**
 * Finds the release an upstream name means, strongest evidence first: a Hugging Face repo id,
 * then the alias table, then the normalized name among the releases of the same organization
 * (with its parent and sibling labs). Two or more candidates at a level are ambiguous: reported,
 * never picked.
 */
export class ReleaseIndex {
  readonly releases = new Map<string, KnownRelease>();
  private readonly byRepo = new Map<string, Set<string>>();
  private readonly aliases = new Map<string, Set<string>>();
  private readonly upstreamAliases = new Map<string, Map<string, Set<string>>>();
  private readonly byOrg = new Map<string, Map<string, Set<string>>>();

  constructor(facts: FactBase, private readonly orgs: OrgDirectory, curatedFiles: (file: string) => boolean) {
    for (const { value: r, origin } of facts.releases) {
      this.add({ id: r.id, org: r.org, name: r.name, curated: curatedFiles(origin.file) }, r.hf_repos);
    }
    for (const { value: o } of facts.attributes) if (o.attribute === 'hf-repo' && this.releases.has(o.release)) this.addRepo(String(o.value), o.release);
    for (const { value: a } of facts.releaseAliases) {
      for (const n of a.names) {
        if (a.upstream) {
          let m = this.upstreamAliases.get(a.upstream);
          if (!m) this.upstreamAliases.set(a.upstream, (m = new Map()));
          push(m, nameKey(n), a.release);
        } else push(this.aliases, nameKey(n), a.release);
      }
    }
  }

  add(r: KnownRelease, repos: readonly string[] = []): void {
    this.releases.set(r.id, r);
    repos.forEach((repo) => this.addRepo(repo, r.id));
    let m = this.byOrg.get(r.org);
    if (!m) this.byOrg.set(r.org, (m = new Map()));
    const words = this.orgs.words(r.org);
    const names = [r.name, r.id, ...repos.map((repo) => repo.split('/')[1] ?? repo)];
    for (const n of names) for (const k of nameKeyVariants(n, words)) push(m, k, r.id);
  }

  addRepo(repo: string, id: string): void {
    push(this.byRepo, repo.toLowerCase(), id);
  }

  resolve(q: { name: string; org?: string; repos?: readonly string[]; upstream: string }): Resolution {
    const viaRepo = new Set<string>();
    for (const repo of q.repos ?? []) for (const id of this.byRepo.get(repo.toLowerCase()) ?? []) viaRepo.add(id);
    if (viaRepo.size === 1) return { kind: 'matched', id: [...viaRepo][0]!, via: 'hub-repo' };
    if (viaRepo.size > 1) return { kind: 'ambiguous', candidates: [...viaRepo].sort() };

    const key = nameKey(q.name);
    const viaAlias = this.upstreamAlias(q.upstream, key) ?? this.aliases.get(key);
    if (viaAlias?.size === 1) return { kind: 'matched', id: [...viaAlias][0]!, via: 'alias' };
    if (viaAlias && viaAlias.size > 1) return { kind: 'ambiguous', candidates: [...viaAlias].sort() };

    if (!q.org) return { kind: 'unknown-org' };
    const group = this.orgs.group(q.org);
    // The name exactly as written first; variants (org word dropped, -hf dropped) only when that finds nothing.
    for (const k of nameKeyVariants(q.name, this.orgs.words(q.org))) {
      const found = new Set<string>();
      for (const org of group) for (const id of this.byOrg.get(org)?.get(k) ?? []) found.add(id);
      if (found.size === 1) return { kind: 'matched', id: [...found][0]!, via: 'name' };
      if (found.size > 1) return { kind: 'ambiguous', candidates: [...found].sort() };
    }
    return { kind: 'unmatched' };
  }

  /** An alias for one upstream also holds for its later files (`epoch` covers `epoch-notable`). */
  private upstreamAlias(upstream: string, key: string): Set<string> | undefined {
    for (const [up, map] of this.upstreamAliases) if (upstream === up || upstream.startsWith(`${up}-`)) {
      const found = map.get(key);
      if (found) return found;
    }
    return undefined;
  }

  has(id: string): boolean {
    return this.releases.has(id);
  }
}
