import { z } from 'zod';
import { CountryCode, countriesView, countryView } from '../../../views/countries.js';
import { chartFigure } from '../charts/render.js';
import { section, table, twins } from '../components.js';
import { accessBadge, percent } from '../format.js';
import { html } from '../html.js';
import { definePage } from '../page.js';

type Row = Record<string, unknown>;
type Country = NonNullable<Awaited<ReturnType<typeof countryView>>>;

export const countriesPage = definePage({
  name: 'countries',
  path: '/countries',
  nav: 'Countries',
  summary: 'Every country a lab is based in, with its labs, releases and how many have downloadable weights.',
  query: z.strictObject({}),
  load: (db) => countriesView(db),
  title: () => 'Countries',
  csv: (rows: Row[]) => rows,
  render: (rows: Row[], ctx) => html`<h1>Countries</h1>
<p class="lede">A lab can be based in several countries; its releases count for each.</p>
${table(rows, [
  { key: 'name', label: 'Country', cell: (r) => html`<a href="${ctx.href(`/countries/${r.code}`)}">${String(r.name)}</a> <code>${String(r.code)}</code>` },
  { key: 'labs', label: 'Labs', numeric: true },
  { key: 'releases', label: 'Releases', numeric: true },
  { key: 'open_weights', label: 'With weights', numeric: true },
  { key: 'share', label: 'Share', numeric: true, cell: (r) => percent(Number(r.open_weights), Number(r.releases)) },
  { key: 'first_release', label: 'First' },
  { key: 'latest_release', label: 'Latest' },
], { caption: 'Countries by number of releases', id: 'countries-table' })}
${twins(ctx)}`,
});

export const countryPage = definePage({
  name: 'country',
  path: '/countries/:id',
  noun: 'country',
  summary: 'One country by its ISO 3166-1 alpha-2 code: its labs, releases and their access by year. CSV: its releases.',
  id: CountryCode,
  query: z.strictObject({}),
  load: (db, _q, id) => countryView(db, id!),
  ids: async (db) => (await db.all<{ code: string }>('SELECT code FROM countries ORDER BY code')).map((c) => c.code),
  title: (d: Country) => d.name,
  csv: (d: Country) => d.releases as Row[],
  render: (d: Country, ctx) => {
    const releases = d.releases as Row[];
    const withWeights = releases.filter((r) => r.weights_available).length;
    return html`<nav class="crumbs" aria-label="Breadcrumb"><a href="${ctx.href('/countries')}">Countries</a></nav>
<h1>${d.name} <code>${d.code}</code></h1>
<p class="lede">${d.labs.length} labs, ${releases.length} releases, ${withWeights} with downloadable weights (${percent(withWeights, releases.length)}).</p>
${d.accessByYear.length ? section('Access over time', 'access', chartFigure('country-access', { kind: 'stacked-bars', title: `Releases from ${d.name} per year by their most open access channel`, y: 'releases', color: 'access', data: d.accessByYear },
  table(d.accessByYear, [{ key: 'year', label: 'Year' }, { key: 'key', label: 'Most open access', cell: (r) => accessBadge(r.key) }, { key: 'count', label: 'Releases', numeric: true }], { caption: 'Releases per year by access' }))) : ''}
${section('Labs', 'labs-h', table(d.labs as Row[], [
  { key: 'name', label: 'Lab', cell: (r) => html`<a href="${ctx.href(`/labs/${r.id}`)}">${String(r.name)}</a>` },
  { key: 'kind', label: 'Kind' },
  { key: 'releases', label: 'Releases', numeric: true },
  { key: 'open_weights', label: 'With weights', numeric: true },
], { caption: `Labs based in ${d.name}` }))}
${section('Releases', 'releases-h', html`${table(releases.slice(0, 50), [
  { key: 'date', label: 'Date' },
  { key: 'name', label: 'Release', cell: (r) => html`<a href="${ctx.href(`/releases/${r.id}`)}">${String(r.name)}</a>` },
  { key: 'org_name', label: 'Lab' },
  { key: 'access', label: 'Access', cell: (r) => accessBadge(String(r.access)) },
], { caption: releases.length > 50 ? `The 50 latest of ${releases.length} releases` : 'Releases, newest first' })}
<p><a href="${ctx.href(`/releases?country=${d.code}`)}">All ${releases.length} releases from ${d.name}</a></p>`)}
${twins(ctx)}`;
  },
});
