import type { Attribution } from './attribution.js';
import type { Columns } from './columns.js';
import type { Lineage } from './lineage.js';
import { RELATIONS } from './relations.js';

/** The two ways of crediting a repo's downloads, named beside every number they produce. */
export const RULES = ['root', 'uploader'] as const;
export type Rule = (typeof RULES)[number];

/** One aggregate cell: credited repos (fractional when split) and downloads. */
export interface Cell {
  rule: Rule;
  key: string;
  month: string;
  relation: string;
  repos: number;
  downloads30d: number;
  downloadsAllTime: number;
}

export interface Aggregates {
  country: Cell[];
  org: Cell[];
  /** Root families, under the root rule only. */
  family: Cell[];
  /** Namespaces mapping to no organization, with their own and their root-credited downloads. */
  unknown: { namespace: string; repos: number; downloads30d: number; creditedDownloads30d: number }[];
}

/** Accumulates (dimension, month, relation) cells in flat typed arrays keyed by one number. */
class Acc {
  private readonly index = new Map<number, number>();
  private repos = new Float64Array(1024);
  private dl = new Float64Array(1024);
  private all = new Float64Array(1024);
  constructor(private readonly months: number) {}
  add(dim: number, month: number, rel: number, w: number, dl: number, all: number): void {
    const key = (dim * this.months + month) * RELATIONS.length + rel;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(key, i);
      if (i === this.repos.length) {
        const grow = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
        this.repos = grow(this.repos); this.dl = grow(this.dl); this.all = grow(this.all);
      }
    }
    this.repos[i]! += w;
    this.dl[i]! += w * dl;
    this.all[i]! += w * all;
  }
  cells(rule: Rule, dims: readonly string[], months: readonly string[]): Cell[] {
    const out: Cell[] = [];
    for (const [key, i] of this.index) {
      const rel = key % RELATIONS.length;
      const rest = (key - rel) / RELATIONS.length;
      const month = rest % this.months;
      const dim = (rest - month) / this.months;
      out.push({ rule, key: dims[dim]!, month: months[month] || 'unknown', relation: RELATIONS[rel]!, repos: this.repos[i]!, downloads30d: this.dl[i]!, downloadsAllTime: this.all[i]! });
    }
    return out;
  }
}

/**
 * Credits every repo to the roots of its lineage (each of k roots gets 1/k) and, separately, to
 * its uploader; an organization with several countries splits its share equally among them.
 */
export function aggregate(c: Columns, l: Lineage, a: Attribution): Aggregates {
  const n = c.size;
  const months = c.months.names.length;
  const ns = c.namespace.view();
  const month = c.month.view();
  const dl = c.downloads.view();
  const all = c.downloadsAllTime.view();
  const orgOfNs = Int32Array.from(c.namespaces.names, (name) => a.orgOfNamespace(name));
  const unknownOrg = a.orgNames.length - 1;
  const rootCountry = new Acc(months), rootOrg = new Acc(months), rootFamily = new Acc(months);
  const upCountry = new Acc(months), upOrg = new Acc(months);
  const family = new Int32Array(n).fill(-1);
  const nsOwn = new Float64Array(c.namespaces.names.length), nsRepos = new Float64Array(c.namespaces.names.length), nsCredited = new Float64Array(c.namespaces.names.length);
  for (let v = 0; v < n; v++) {
    const m = month[v]!, rel = l.relation[v]!, d = dl[v]!, t = all[v]!;
    const s = l.rootSet[v]!;
    const from = l.setStart[s]!, to = l.setStart[s + 1]!;
    const w = 1 / (to - from);
    for (let i = from; i < to; i++) {
      const r = l.setItems[i]!;
      const org = orgOfNs[ns[r]!]!;
      rootOrg.add(org, m, rel, w, d, t);
      const cs = a.orgCountries[org]!;
      for (const cc of cs) rootCountry.add(cc, m, rel, w / cs.length, d, t);
      if (family[r] === -1) family[r] = a.familyOfRepo(c.repos.names[r]!);
      rootFamily.add(family[r]!, m, rel, w, d, t);
      if (org === unknownOrg) nsCredited[ns[r]!]! += w * d;
    }
    const up = orgOfNs[ns[v]!]!;
    upOrg.add(up, m, rel, 1, d, t);
    const cs = a.orgCountries[up]!;
    for (const cc of cs) upCountry.add(cc, m, rel, 1 / cs.length, d, t);
    if (up === unknownOrg) {
      nsOwn[ns[v]!]! += d;
      nsRepos[ns[v]!]!++;
    }
  }
  const mn = c.months.names;
  const unknown: Aggregates['unknown'] = [];
  c.namespaces.names.forEach((name, i) => {
    if (orgOfNs[i] === unknownOrg && (nsRepos[i]! > 0 || nsCredited[i]! > 0)) unknown.push({ namespace: name || '(none)', repos: nsRepos[i]!, downloads30d: nsOwn[i]!, creditedDownloads30d: nsCredited[i]! });
  });
  return {
    country: [...rootCountry.cells('root', a.countryNames, mn), ...upCountry.cells('uploader', a.countryNames, mn)],
    org: [...rootOrg.cells('root', a.orgNames, mn), ...upOrg.cells('uploader', a.orgNames, mn)],
    family: rootFamily.cells('root', a.familyNames, mn),
    unknown,
  };
}

