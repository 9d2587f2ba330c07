import { z } from 'zod';
import { RELEASE_TYPES } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { ReleasesParams, releasesView } from './releases.js';
import { Flag } from './analytics-params.js';

/**
 * The releases table of the dashboard: the CLI's filters plus type and license, a sort, facet
 * counts over the filtered rows, and pages. Filtering by the CLI's named SQL keeps one
 * definition of what `--country CN` means; the rest is done here over a few thousand rows.
 */
export const SORTS = ['date', 'name', 'org', 'country', 'params', 'access', 'license'] as const;
export type Sort = (typeof SORTS)[number];

export const ReleaseTableParams = ReleasesParams.extend({
  org: ReleasesParams.shape.org.describe('only releases of this lab (its id)'),
  country: ReleasesParams.shape.country.describe('only releases of labs based in this country (ISO 3166-1 alpha-2, e.g. CN)'),
  access: ReleasesParams.shape.access.describe('only releases reachable this way'),
  since: ReleasesParams.shape.since.describe('released on or after (YYYY, YYYY-MM or YYYY-MM-DD)'),
  until: ReleasesParams.shape.until.describe('released on or before (YYYY, YYYY-MM or YYYY-MM-DD; a year or month includes all of it)'),
  q: z.string().min(1).max(200, { error: 'search text is limited to 200 characters' }).optional().describe('text in names, ids, labs and hub repos'),
  type: z.enum(RELEASE_TYPES).optional().describe('base, instruct, reasoning or other'),
  license: z.string().min(1).max(200).optional().describe('the weights license expression, exactly'),
  flagship: z.enum(['yes', 'no']).optional().describe("only (or no) labs' flagship releases"),
  weights: Flag.optional().describe('only releases with (true) or without (false) downloadable weights, open or gated: the overview count "with downloadable weights"'),
  sort: z.enum(SORTS).default('date').describe('column to sort by'),
  order: z.enum(['asc', 'desc']).optional().describe('default: descending for date and parameters, ascending otherwise'),
  page: z.coerce.number({ error: 'expected a page number' }).int().min(1).max(1_000_000).default(1).describe('page number, from 1'),
  size: z.coerce.number({ error: 'expected a number of rows per page' }).int().min(1).max(10_000).default(100).describe('rows per page'),
});
export type ReleaseTableParams = z.infer<typeof ReleaseTableParams>;

export interface ReleaseRow {
  id: string;
  name: string;
  org: string;
  org_name: string;
  country: string;
  date: string;
  type: string;
  params_total: number | null;
  params_active: number | null;
  access: string;
  channels: string[];
  /** Every country the lab is based in; a release counts for each, as on /countries. */
  countries: string[];
  weights_available: boolean;
  license: string | null;
  flagship: boolean;
  family: string;
}

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export const FACETS = ['access', 'country', 'org', 'type', 'license'] as const;
export type Facet = (typeof FACETS)[number];

const ACCESS_RANK: Record<string, number> = { 'open-weights': 0, 'gated-weights': 1, api: 2, 'hosted-app': 3, none: 4 };

function compare(sort: Sort): (a: ReleaseRow, b: ReleaseRow) => number {
  const text = (k: keyof ReleaseRow) => (a: ReleaseRow, b: ReleaseRow) => String(a[k] ?? '').localeCompare(String(b[k] ?? ''));
  switch (sort) {
    case 'date': return (a, b) => a.date.localeCompare(b.date);
    case 'name': return text('name');
    case 'org': return text('org_name');
    case 'country': return text('country');
    case 'license': return text('license');
    // Unknown sizes sort after every known size in both directions (see below).
    case 'params': return (a, b) => (a.params_total ?? 0) - (b.params_total ?? 0);
    case 'access': return (a, b) => ACCESS_RANK[a.access]! - ACCESS_RANK[b.access]!;
  }
}

function facetCounts(rows: readonly ReleaseRow[], params: ReleaseTableParams): Record<Facet, FacetValue[]> {
  const count = (values: (r: ReleaseRow) => (string | null)[], selected: string | undefined, limit = 20) => {
    const counts = new Map<string, number>();
    for (const r of rows) for (const v of values(r)) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([value, n]) => ({ value, count: n, selected: value === selected }));
  };
  return {
    access: count((r) => r.channels, params.access),
    country: count((r) => r.countries, params.country),
    org: count((r) => [r.org], params.org),
    type: count((r) => [r.type], params.type),
    license: count((r) => [r.license], params.license),
  };
}

/** Parameters that only order and cut the filtered rows: a server caches the rows without them. */
export const SLICE_PARAMS = ['sort', 'order', 'page', 'size'] as const;

/** The filtered rows (in no particular order) and their facet counts: all the work of the table. */
export async function releaseTableBase(db: Db, params: ReleaseTableParams) {
  const { type, license, flagship, weights, sort, order, page, size, ...filters } = params;
  const base = (await releasesView(db, filters)) as unknown as Omit<ReleaseRow, 'channels'>[];
  const channels = new Map<string, string[]>();
  for (const a of await db.all<{ release_id: string; channel: string }>('SELECT release_id, channel FROM release_access ORDER BY release_id, channel')) {
    (channels.get(a.release_id) ?? channels.set(a.release_id, []).get(a.release_id)!).push(a.channel);
  }
  const orgCountries = new Map<string, string[]>();
  for (const c of await db.all<{ org_id: string; country: string }>('SELECT org_id, country FROM org_countries ORDER BY org_id, country')) {
    (orgCountries.get(c.org_id) ?? orgCountries.set(c.org_id, []).get(c.org_id)!).push(c.country);
  }
  const all: ReleaseRow[] = base.map((r) => ({ ...r, channels: channels.get(r.id) ?? [], countries: orgCountries.get(r.org) ?? [r.country] }));
  const rows = all.filter(
    (r) =>
      (!type || r.type === type) &&
      (!license || r.license === license) &&
      (!flagship || r.flagship === (flagship === 'yes')) &&
      (weights === undefined || r.weights_available === weights),
  );
  return { rows, facets: facetCounts(rows, params) };
}
export type ReleaseTableBase = Awaited<ReturnType<typeof releaseTableBase>>;

/** One page of the table: the base's rows sorted and cut by `sort`, `order`, `page` and `size`. */
export function releaseTableSlice({ rows, facets }: ReleaseTableBase, params: ReleaseTableParams) {
  const { sort, order, page, size } = params;
  const direction = order ?? (sort === 'date' || sort === 'params' ? 'desc' : 'asc');
  const cmp = compare(sort);
  const sorted = [...rows].sort((a, b) => {
    if (sort === 'params' && (a.params_total == null) !== (b.params_total == null)) return a.params_total == null ? 1 : -1;
    return (direction === 'asc' ? cmp(a, b) : cmp(b, a)) || b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
  });
  const pages = Math.max(1, Math.ceil(sorted.length / size));
  return {
    params: { ...params, order: direction },
    total: sorted.length,
    page,
    pages,
    size,
    rows: sorted.slice((page - 1) * size, page * size),
    /** Every row of the filtered set, for the CSV twin. */
    allRows: sorted,
    facets,
  };
}

export async function releaseTableView(db: Db, params: ReleaseTableParams) {
  return releaseTableSlice(await releaseTableBase(db, params), params);
}
export type ReleaseTable = Awaited<ReturnType<typeof releaseTableView>>;

/** Every value the releases filter form offers, whatever the current filter. */
export async function releaseFilterOptions(db: Db) {
  const [countries, orgs, licenses] = await Promise.all([
    db.all<{ code: string; name: string }>('SELECT code, name FROM countries ORDER BY name'),
    db.all<{ id: string; name: string }>('SELECT id, name FROM organizations ORDER BY name'),
    db.all<{ id: string }>('SELECT DISTINCT license_id AS id FROM releases WHERE license_id IS NOT NULL ORDER BY id'),
  ]);
  return { countries, orgs, licenses: licenses.map((l) => l.id) };
}
