/** Who a Hub namespace belongs to, from the fact base's organizations (their hf_namespaces). */
export interface OrgRef {
  id: string;
  /** Every country of the organization; a joint lab has several and splits its credit equally. */
  countries: string[];
  namespaces: string[];
}

export const UNKNOWN = 'unknown';

/**
 * Namespace -> organization -> countries as dense indexes. Organization index `orgs.length`
 * and country index `countries.length - 1` stand for unknown, which is reported as such.
 */
export interface Attribution {
  orgNames: string[];
  countryNames: string[];
  /** Countries of each organization (the unknown organization: [unknown]). */
  orgCountries: number[][];
  orgOfNamespace(namespace: string): number;
  /** Family of a root repo, from the releases' hf_repos; unknown when no release lists it. */
  familyNames: string[];
  familyOfRepo(repo: string): number;
}

export function attribution(orgs: readonly OrgRef[], families: ReadonlyMap<string, string> = new Map()): Attribution {
  const countryNames = [...new Set(orgs.flatMap((o) => o.countries))].sort();
  countryNames.push(UNKNOWN);
  const unknownCountry = countryNames.length - 1;
  const orgNames = orgs.map((o) => o.id);
  orgNames.push(UNKNOWN);
  const orgCountries = orgs.map((o) => (o.countries.length ? [...new Set(o.countries)].map((c) => countryNames.indexOf(c)) : [unknownCountry]));
  orgCountries.push([unknownCountry]);
  const byNamespace = new Map<string, number>();
  orgs.forEach((o, i) => {
    for (const ns of o.namespaces) if (!byNamespace.has(ns.toLowerCase())) byNamespace.set(ns.toLowerCase(), i);
  });
  const familyNames = [...new Set(families.values())].sort();
  familyNames.push(UNKNOWN);
  const familyIndex = new Map(familyNames.map((f, i) => [f, i]));
  const familyOf = new Map([...families].map(([repo, f]) => [repo.toLowerCase(), familyIndex.get(f)!]));
  return {
    orgNames, countryNames, orgCountries,
    orgOfNamespace: (ns) => byNamespace.get(ns) ?? orgs.length,
    familyNames,
    familyOfRepo: (repo) => familyOf.get(repo) ?? familyNames.length - 1,
  };
}
