import { ACCESS_CHANNELS, RELEASE_TYPES } from '../../../domain/index.js';
import { FACETS, releaseFilterOptions, releaseTableBase, releaseTableSlice, releaseTableView, ReleaseTableParams, SLICE_PARAMS, type Facet, type ReleaseRow } from '../../../views/release-table.js';
import { field, pager, table, twins, withQuery } from '../components.js';
import { accessBadge, accessLabel, country, params, licenseLinks } from '../format.js';
import { html } from '../html.js';
import { definePage, type RenderContext } from '../page.js';

type Data = Awaited<ReturnType<typeof releaseTableView>> & { options: Awaited<ReturnType<typeof releaseFilterOptions>> };

const FACET_TITLE: Record<Facet, string> = { access: 'Access', country: 'Country', org: 'Lab', type: 'Type', license: 'License' };

function facetLabel(facet: Facet, value: string, d: Data): string {
  if (facet === 'access') return accessLabel(value);
  if (facet === 'country') return d.options.countries.find((c) => c.code === value)?.name ?? value;
  if (facet === 'org') return d.options.orgs.find((o) => o.id === value)?.name ?? value;
  return value;
}

function facets(d: Data, ctx: RenderContext) {
  return html`<aside class="facets" aria-label="Facets">${FACETS.map((f) => {
    const values = d.facets[f];
    if (values.length === 0) return '';
    return html`<section class="facet" aria-labelledby="facet-${f}"><h2 id="facet-${f}">${FACET_TITLE[f]}</h2><ul>${values.map(
      (v) => html`<li><a href="${withQuery(ctx, { [f]: v.selected ? undefined : v.value, page: undefined })}"${v.selected ? html` aria-current="true" class="selected"` : ''}>${facetLabel(f, v.value, d)}</a> <span class="count">${v.count}</span></li>`,
    )}</ul></section>`;
  })}</aside>`;
}

function filterForm(d: Data, ctx: RenderContext) {
  const q = d.params;
  return html`<form class="filters" method="get" action="${ctx.href('/releases')}" role="search" aria-label="Filter releases">
${field('q', 'Search', q.q, { placeholder: 'name, lab or hub repo' })}
${field('country', 'Country', q.country, { options: d.options.countries.map((c) => ({ value: c.code, label: c.name })) })}
${field('org', 'Lab', q.org, { options: d.options.orgs.map((o) => ({ value: o.id, label: o.name })) })}
${field('access', 'Access', q.access, { options: ACCESS_CHANNELS.map((a) => ({ value: a, label: accessLabel(a) })) })}
${field('type', 'Type', q.type, { options: RELEASE_TYPES.map((t) => ({ value: t, label: t })) })}
${field('license', 'License', q.license, { options: d.options.licenses.map((l) => ({ value: l, label: l })) })}
${field('since', 'Released since', q.since && String(q.since).slice(0, 10), { placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' })}
${field('until', 'Released until', q.until, { placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' })}
<input type="hidden" name="sort" value="${q.sort}"><input type="hidden" name="order" value="${q.order}">
<div class="actions"><button type="submit">Filter</button> <a href="${ctx.href('/releases')}">Clear</a></div>
</form>`;
}

export const releasesPage = definePage({
  name: 'releases',
  path: '/releases',
  nav: 'Releases',
  summary: 'Releases, filtered (q, country, org, access, type, license, flagship, since, until), sorted (sort, order) and paged (page, size), with facet counts. The CSV twin has every filtered row, unpaged.',
  query: ReleaseTableParams,
  load: async (db, query: ReleaseTableParams) => ({ ...(await releaseTableView(db, query)), options: await releaseFilterOptions(db) }),
  // The server caches the filtered rows once per filter; sort and page are cut per request.
  slice: {
    params: SLICE_PARAMS,
    base: async (db, query: ReleaseTableParams) => ({ table: await releaseTableBase(db, query), options: await releaseFilterOptions(db) }),
    data: (b, query: ReleaseTableParams): Data => ({ ...releaseTableSlice(b.table, query), options: b.options }),
  },
  title: (d: Data) => (d.total === 1 ? '1 release' : `${d.total} releases`) + ' · Releases',
  json: ({ allRows, options, ...rest }: Data) => rest,
  csv: (d: Data) => d.allRows.map((r) => ({ ...r })),
  csvColumns: ['id', 'name', 'org', 'org_name', 'country', 'date', 'type', 'params_total', 'params_active', 'access', 'weights_available', 'license', 'flagship', 'family', 'channels', 'countries'],
  render: (d: Data, ctx) => {
    const first = (d.page - 1) * d.size + 1;
    const last = Math.min(d.total, d.page * d.size);
    const sort = { by: d.params.sort, order: d.params.order as 'asc' | 'desc', link: (by: string, order: 'asc' | 'desc') => withQuery(ctx, { sort: by, order, page: undefined }) };
    const rows = table<ReleaseRow & Record<string, unknown>>(d.rows as (ReleaseRow & Record<string, unknown>)[], [
      { key: 'date', label: 'Date', sort: 'date' },
      { key: 'name', label: 'Release', sort: 'name', cell: (r) => html`<a href="${ctx.href(`/releases/${r.id}`)}">${r.name}</a>${r.flagship ? html` <span class="flag" title="flagship">flagship</span>` : ''}` },
      { key: 'org_name', label: 'Lab', sort: 'org', cell: (r) => html`<a href="${ctx.href(`/labs/${r.org}`)}">${r.org_name}</a>` },
      { key: 'country', label: 'Country', sort: 'country', cell: (r) => html`<a href="${ctx.href(`/countries/${r.country}`)}">${country(r.country)}</a>` },
      { key: 'params_total', label: 'Parameters', sort: 'params', numeric: true, cell: (r) => params(r.params_total) },
      { key: 'access', label: 'Access', sort: 'access', cell: (r) => r.channels.map((c, i) => html`${i ? ' ' : ''}${accessBadge(c)}`) },
      { key: 'license', label: 'License', sort: 'license', cell: (r) => licenseLinks(r.license, ctx.href) },
    ], {
      caption: `Releases ${first}–${last} of ${d.total}, sorted by ${d.params.sort} (${d.params.order === 'asc' ? 'ascending' : 'descending'})`,
      id: 'releases-table',
      sort,
      empty: 'No release matches these filters.',
      rowData: (r: ReleaseRow) => ({
        id: r.id, name: `${r.name} ${r.id} ${r.org_name}`.toLowerCase(), country: r.country, org: r.org, access: r.channels.join(' '),
        type: r.type, license: r.license ?? '', date: r.date, params: String(r.params_total ?? ''), flagship: r.flagship ? 'yes' : 'no',
      }),
    });
    return html`<h1>Releases</h1>
<p class="lede" id="result-count" aria-live="polite">${d.total === 0 ? 'No releases match.' : d.rows.length === 0 ? html`Page ${d.page} is past the last page (${d.pages}); <a href="${withQuery(ctx, { page: undefined })}">go to the first</a>.` : `Showing ${first}–${last} of ${d.total} release${d.total === 1 ? '' : 's'}.`}</p>
<div class="with-facets">
<div class="main-column">
${filterForm(d, ctx)}
${rows}
${pager(ctx, d.page, d.pages, 'Pages of releases')}
</div>
${facets(d, ctx)}
</div>
${twins(ctx)}`;
  },
});
