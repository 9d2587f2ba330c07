import type { FactBase } from '../facts/fact-base.js';
import type { OrgRef } from './attribution.js';

/** The organizations' Hub namespaces and countries, and each listed repo's family, from data/. */
export function factRefs(facts: FactBase): { orgs: OrgRef[]; families: Map<string, string> } {
  const orgs = facts.orgs.map(({ value: o }) => ({ id: o.id, countries: [o.country, ...o.other_countries], namespaces: o.hf_namespaces }));
  const families = new Map<string, string>();
  for (const { value: r } of facts.releases) for (const repo of r.hf_repos) if (!families.has(repo.toLowerCase())) families.set(repo.toLowerCase(), r.family);
  return { orgs, families };
}
