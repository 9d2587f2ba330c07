import type { Organization, UpstreamOrg } from '../../domain/index.js';
import type { FactBase } from '../fact-base.js';
import { orgKey, slugify } from './normalize.js';

/** A model name or model word reduced to lowercase letters and digits, so "Nano Banana" is "nano-banana". */
const modelWord = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Every organization spelling the fact base knows: ids, names, aliases, Hub namespaces of
 * curated and imported organizations, and the alias table (data/aliases/orgs.yaml). A spelling
 * that two organizations claim is ambiguous and resolves to nothing.
 */
export class OrgDirectory {
  /** Spellings by precedence: the alias table, then curated organizations, then the imported org table. */
  private readonly tiers = [new Map<string, Set<string>>(), new Map<string, Set<string>>(), new Map<string, Set<string>>()];
  readonly orgs = new Map<string, Organization>();

  constructor(facts: FactBase) {
    const imported = (file: string) => /(^|[\\/])orgs-imported[\\/]/.test(file);
    for (const { value: o, origin } of facts.orgs) this.add(o, imported(origin.file) ? 2 : 1);
    for (const { value: a } of facts.orgAliases) {
      if (a.models) this.scoped.push({ org: a.org, names: new Set(a.names.map(orgKey)), models: a.models.map(modelWord) });
      else for (const n of a.names) this.note(0, n, a.org);
    }
  }

  /** Aliases that hold only for some models (data/aliases/orgs.yaml entries with `models`). */
  private readonly scoped: { org: string; names: Set<string>; models: string[] }[] = [];

  /**
   * The org id for a spelling as written on one model's row: an alias scoped to that model's
   * name wins (Gemma under "Google" is Google DeepMind's), else as resolve().
   */
  resolveFor(name: string, model: string): string | undefined {
    const k = orgKey(name);
    const m = modelWord(model);
    for (const a of this.scoped) if (a.names.has(k) && a.models.some((w) => m.includes(w))) return a.org;
    return this.resolve(name);
  }

  add(o: Organization, tier: 1 | 2 = 2): void {
    if (!this.orgs.has(o.id)) this.orgs.set(o.id, o);
    for (const n of [o.id, o.name, ...o.aliases, ...o.hf_namespaces]) this.note(tier, n, o.id);
  }

  private note(tier: number, name: string, id: string): void {
    const k = orgKey(name);
    if (!k) return;
    const map = this.tiers[tier]!;
    let set = map.get(k);
    if (!set) map.set(k, (set = new Set()));
    set.add(id);
  }

  /**
   * The org id for a spelling, or undefined when unknown or claimed by several organizations of
   * the same tier. A curated organization wins over an imported one with the same spelling.
   */
  resolve(name: string): string | undefined {
    const k = orgKey(name);
    for (const map of this.tiers) {
      const ids = map.get(k);
      if (ids) return ids.size === 1 ? [...ids][0] : undefined;
    }
    return undefined;
  }

  /** The organization, its parent, its children and its siblings: releases move between them (Google, DeepMind). */
  group(id: string): Set<string> {
    const out = new Set([id]);
    const parent = this.orgs.get(id)?.parent;
    if (parent) out.add(parent);
    for (const o of this.orgs.values()) if (o.parent === id || (parent && o.parent === parent)) out.add(o.id);
    return out;
  }

  /** Words an organization's names start model names with ("Meta" in "Meta-Llama-3-8B"). */
  words(id: string): string[] {
    const o = this.orgs.get(id);
    return o ? [o.id, o.name, ...o.aliases, ...o.hf_namespaces] : [];
  }

  /**
   * A new organization from what a dataset says about it (name, countries, kind), citing the
   * dataset. Undefined when the dataset gives no country or kind: those are never guessed.
   */
  learn(info: UpstreamOrg, sourceId: string): Organization | undefined {
    const [country, ...others] = info.countries;
    if (!country || !info.kind) return undefined;
    const name = info.name.replace(/\s*\/\s*[^/]+$/, '').replace(/\s*\(.*?\)\s*/g, ' ').trim() || info.name;
    let id = slugify(name);
    if (!id) return undefined;
    if (this.orgs.has(id)) id = `${id}-${country.toLowerCase()}`;
    for (let i = 2; this.orgs.has(id); i++) id = `${slugify(name)}-${i}`;
    const org: Organization = {
      id, name, kind: info.kind, country, other_countries: others, hf_namespaces: [],
      aliases: info.name !== name ? [info.name] : [], sources: [sourceId],
    };
    this.add(org);
    return org;
  }
}
