import { z } from 'zod';
import { overviewView } from '../../../views/overview.js';
import { chartFigure } from '../charts/render.js';
import { section, statCards, table, twins } from '../components.js';
import { accessBadge, country, percent } from '../format.js';
import { html } from '../html.js';
import { definePage } from '../page.js';

type Overview = Awaited<ReturnType<typeof overviewView>>;

export const overviewPage = definePage({
  name: 'overview',
  path: '/',
  nav: 'Overview',
  summary: 'Headline counts and findings, the share of releases with downloadable weights by country and year, releases by access per year, recent releases and events. CSV: the share by country and year.',
  query: z.strictObject({}),
  load: (db) => overviewView(db),
  title: () => 'Overview',
  json: (d: Overview) => d,
  csv: (d: Overview) => d.shareByCountryYear.map(({ year, country, total, n, share }) => ({ year, country, releases: total, with_weights: n, share: Math.round(share * 1000) / 1000 })),
  render: (d: Overview, ctx) => {
    const s = d.stats;
    const shareTable = table(d.shareByCountryYear, [
      { key: 'year', label: 'Year' },
      { key: 'group', label: 'Country' },
      { key: 'n', label: 'With weights', numeric: true },
      { key: 'total', label: 'Releases', numeric: true },
      { key: 'share', label: 'Share', numeric: true, cell: (r) => percent(r.n, r.total) },
    ], { caption: 'Releases with downloadable weights by country and year' });
    const accessTable = table(d.accessByYear, [
      { key: 'year', label: 'Year' },
      { key: 'key', label: 'Most open access', cell: (r) => accessBadge(r.key) },
      { key: 'count', label: 'Releases', numeric: true },
    ], { caption: 'Releases per year by their most open access channel' });
    return html`<h1>The state of AI model openness</h1>
<p class="lede">What AI labs release, how openly, and where they are based, from ${s.releases} releases by ${s.organizations} organizations in ${s.countries} countries, ${s.earliestRelease ?? ''} to ${s.latestRelease ?? ''}. Every fact cites one of ${s.sources} sources.</p>
${section('Findings', 'findings', html`<ul class="findings">${d.findings.map((f) => html`<li>${f}</li>`)}</ul>`)}
${statCards([
  ['releases', s.releases, ctx.href('/releases')],
  ['with downloadable weights', s.releasesWithWeights, ctx.href('/releases?access=open-weights')],
  ['labs', s.organizations, ctx.href('/labs')],
  ['countries', s.countries, ctx.href('/countries')],
  ['licenses', s.licenses, ctx.href('/licenses')],
  ['sources', s.sources, ctx.href('/sources')],
  ['events', s.events],
])}
${section('Open weights by country', 'share', chartFigure('share-by-country', {
  kind: 'share-lines',
  title: `Share of releases with downloadable weights (open or gated), ${d.topCountries.length} countries with the most releases`,
  y: 'releases with weights',
  data: d.shareByCountryYear.map(({ year, group, share, n, total }) => ({ year, group, share, n, total })),
}, shareTable))}
${section('Access over time', 'access', chartFigure('access-by-year', { kind: 'stacked-bars', title: 'Releases per year by their most open access channel', y: 'releases', color: 'access', data: d.accessByYear }, accessTable))}
${section('Latest releases', 'latest', table(d.recentReleases as Record<string, unknown>[], [
  { key: 'date', label: 'Date' },
  { key: 'name', label: 'Release', cell: (r) => html`<a href="${ctx.href(`/releases/${r.id}`)}">${String(r.name)}</a>` },
  { key: 'org_name', label: 'Lab', cell: (r) => html`<a href="${ctx.href(`/labs/${r.org}`)}">${String(r.org_name)}</a>` },
  { key: 'country', label: 'Country', cell: (r) => country(r.country) },
  { key: 'access', label: 'Access', cell: (r) => accessBadge(String(r.access)) },
], { caption: 'The ten most recent releases' }), html`<a href="${ctx.href('/releases')}">All releases</a>`)}
${section('Latest events', 'events', html`<ol class="events">${(d.recentEvents as { date: string; kind: string; title: string; orgs: string | null }[]).map(
  (e) => html`<li><time datetime="${e.date}">${e.date}</time> <span class="kind">${e.kind}</span> ${e.title}${e.orgs ? html` (${e.orgs.split(',').map((o, i) => html`${i ? ', ' : ''}<a href="${ctx.href(`/labs/${o}`)}">${o}</a>`)})` : ''}</li>`,
)}</ol>`)}
${twins(ctx)}`;
  },
});
