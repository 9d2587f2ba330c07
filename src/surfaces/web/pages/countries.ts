import { z } from 'zod';
import { CountryCode, countriesView, countryView } from '../../../views/countries.js';
import { chartFigure } from '../charts/render.js';
import { section, table, twins } from '../components.js';
import { accessBadge, percent } from '../format.js';
import { html } from '../html.js';
import { definePage } from '../page.js';
import { countryColor } from '../charts/palette.js';
import { signalList } from './signals.js';
import { shareCell } from './trends.js';

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
${d.trajectory.rows.length ? section('Flagship trajectory', 'trajectory', html`${chartFigure('country-trajectory', {
  kind: 'period-shares',
  title: `Share of releases from ${d.name} with downloadable weights, per year`,
  y: 'releases with weights',
  periods: d.trajectory.periods,
  min: d.trajectory.min_sample,
  partial: d.trajectory.partial_period,
  colors: { [d.name]: countryColor(d.code) },
  data: d.trajectory.rows.map((r) => ({ period: r.period, group: d.name, share: r.open_share, n: r.open_weights, total: r.releases })),
}, html`<p>The table below the chart holds these numbers.</p>`)}${table(d.trajectory.rows, [
  { key: 'period', label: 'Year', cell: (r) => (r.period === d.trajectory.partial_period ? html`${r.period} <small>(not over)</small>` : r.period) },
  { key: 'releases', label: 'Releases', numeric: true },
  { key: 'open_share', label: 'With weights', numeric: true, cell: (r) => shareCell(r.open_weights, r.releases, d.trajectory.min_sample) },
  { key: 'open_flagships', label: 'Open flagships', numeric: true, cell: (r) => `${r.open_flagships} of ${r.flagships}` },
  { key: 'flagship', label: 'Latest flagship', cell: (r) => (r.flagship ? html`<a href="${ctx.href(`/releases/${r.flagship.id}`)}">${r.flagship.name}</a> (${r.flagship.org}) ${accessBadge(r.flagship.access)}` : 'none') },
], { caption: `${d.name}: releases, share with weights and latest flagship per year` })}<p><a href="${ctx.href(`/trends?country=${d.code}`)}">By half-year or quarter</a></p>`) : ''}
${section('Retreat and advance signals', 'signals-h', html`${signalList(d.signals.signals.slice(0, 20), ctx, `No signals: the flagships of labs based in ${d.name} kept their openness.`)}${d.signals.signals.length ? html`<p><a href="${ctx.href(`/signals?country=${d.code}`)}">All ${d.signals.signals.length} signals (${d.signals.retreats} retreats, ${d.signals.advances} advances)</a></p>` : ''}`)}
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
