import { z } from 'zod';
import { sourceIds, sourceView } from '../../../views/source.js';
import { SOURCE_SLICE_PARAMS, sourceTableBase, SourceTableParams, sourceTableSlice, sourceTableView } from '../../../views/source-table.js';
import { measuresView } from '../../../views/measures.js';
import { componentName, extLink, statusBadge } from '../format.js';
import { facts, field, pager, section, table, twins, withQuery, serverForm } from '../components.js';
import { html } from '../html.js';
import { definePage } from '../page.js';

type Row = Record<string, unknown>;
type Sources = Awaited<ReturnType<typeof sourceTableView>> & { measures: Awaited<ReturnType<typeof measuresView>> };
type Source = NonNullable<Awaited<ReturnType<typeof sourceView>>>;

const KIND_PATH: Record<string, string> = { release: '/releases', org: '/labs', license: '/licenses' };

export const sourcesPage = definePage({
  name: 'sources',
  path: '/sources',
  nav: 'Sources',
  summary: 'Every source with how many facts cite it; filter with q, paged with page and size. The CSV twin has every filtered row.',
  query: SourceTableParams,
  load: async (db, q: SourceTableParams) => ({ ...(await sourceTableView(db, q)), measures: await measuresView(db) }),
  // The server caches the filtered rows once per search text; pages are cut per request.
  slice: {
    params: SOURCE_SLICE_PARAMS,
    base: async (db, q: SourceTableParams) => ({ rows: await sourceTableBase(db, q), measures: await measuresView(db) }),
    data: (b, q: SourceTableParams): Sources => ({ ...sourceTableSlice(b.rows, q), measures: b.measures }),
  },
  title: () => 'Sources',
  json: ({ allRows, ...rest }: Sources) => rest,
  csv: (d: Sources) => d.allRows,
  render: (d: Sources, ctx) => html`<h1>Sources</h1>
<p class="lede">Where every fact comes from: ${d.total} sources${d.params.q ? ` matching “${d.params.q}”` : ''}, most cited first.${d.rows.length === 0 && d.total > 0 ? html` Page ${d.page} is past the last page (${d.pages}); <a href="${withQuery(ctx, { page: undefined })}">go to the first</a>.` : ''}</p>
${serverForm(ctx, html`<form class="filters inline" method="get" action="${ctx.href('/sources')}" role="search" aria-label="Filter sources">
${field('q', 'Search', d.params.q, { placeholder: 'publisher, title or URL' })}
<div class="actions"><button type="submit">Filter</button> <a href="${ctx.href('/sources')}">Clear</a></div>
</form>`)}
${table(d.rows, [
  { key: 'id', label: 'Source', cell: (s) => html`<a href="${ctx.href(`/sources/${s.id}`)}">${String(s.title ?? s.id)}</a>` },
  { key: 'publisher', label: 'Publisher' },
  { key: 'accessed', label: 'Accessed' },
  { key: 'citations', label: 'Facts', numeric: true },
  { key: 'url', label: 'Link', cell: (s) => extLink(s.url, 'open') },
], { caption: `Sources ${Math.min(d.total, (d.page - 1) * d.size + 1)}–${Math.min(d.total, d.page * d.size)} of ${d.total}`, id: 'sources-table', empty: 'No source matches.' })}
${pager(ctx, d.page, d.pages, 'Pages of sources')}
${section('Capability measures', 'measures', table(d.measures, [
  { key: 'measure', label: 'Measure', cell: (m) => html`<code>${m.measure}</code>` },
  { key: 'first', label: 'First observed' },
  { key: 'last', label: 'Last observed' },
  { key: 'releases', label: 'Releases scored', numeric: true },
  { key: 'observations', label: 'Observations', numeric: true },
  { key: 'sources', label: 'Sources', numeric: true },
], { caption: 'Each capability measure with the dates of its first and last observation: a ranking on a measure is only as current as its last date', id: 'measures-table', empty: 'No capability observation.' }))}
${twins(ctx)}`,
});

export const sourcePage = definePage({
  name: 'source',
  path: '/sources/:id',
  noun: 'source',
  summary: 'One source and what it contributed: the records citing it, component facts and observations. CSV: the records citing it.',
  query: z.strictObject({}),
  load: (db, _q, id) => sourceView(db, id!),
  ids: sourceIds,
  title: (d: Source) => String((d as Row).title ?? (d as Row).id),
  csv: (d: Source) => d.records,
  render: (d: Source, ctx) => {
    const s = d as Source & Row;
    const link = (kind: string, id: string) => (KIND_PATH[kind] ? html`<a href="${ctx.href(`${KIND_PATH[kind]}/${id}`)}">${id}</a>` : id);
    return html`<nav class="crumbs" aria-label="Breadcrumb"><a href="${ctx.href('/sources')}">Sources</a></nav>
<h1>${String(s.title ?? s.id)}</h1>
${facts([
  ['Id', html`<code>${String(s.id)}</code>`],
  ['Publisher', String(s.publisher)],
  ['Link', extLink(s.url)],
  ['Accessed', String(s.accessed)],
  ['Kind', String(s.kind ?? '—')],
  ['License', String(s.license ?? '—')],
  ['Defined in', html`<code>${String(s.file)}:${String(s.line)}</code>`],
])}
${section('Records citing it', 'records-h', table(d.records, [
  { key: 'kind', label: 'Kind' },
  { key: 'id', label: 'Record', cell: (r) => link(r.kind, r.id) },
  { key: 'name', label: 'Name', cell: (r) => r.name ?? '' },
], { caption: `${d.records.length} records cite this source`, empty: 'No record cites it as a whole.' }))}
${d.components.length ? section('Component facts', 'components-h', table(d.components as Row[], [
  { key: 'release', label: 'Release', cell: (r) => link('release', String(r.release)) },
  { key: 'component', label: 'Component', cell: (r) => componentName(String(r.component)) },
  { key: 'status', label: 'Status', cell: (r) => statusBadge(String(r.status)) },
], { caption: `${d.components.length} component statuses rest on this source` })) : ''}
${d.capability.length ? section('Capability observations', 'capability-h', table(d.capability as Row[], [
  { key: 'release', label: 'Release', cell: (r) => link('release', String(r.release)) }, { key: 'measure', label: 'Measure' }, { key: 'value', label: 'Value', numeric: true }, { key: 'date', label: 'Date' },
], { caption: 'Capability observations from this source' })) : ''}
${d.adoption.length ? section('Adoption observations', 'adoption-h', table(d.adoption as Row[], [
  { key: 'repo', label: 'Repo' }, { key: 'date', label: 'Date' }, { key: 'downloads_30d', label: 'Downloads (30 days)', numeric: true }, { key: 'likes', label: 'Likes', numeric: true },
], { caption: 'Adoption observations from this source' })) : ''}
${twins(ctx)}`;
  },
});
