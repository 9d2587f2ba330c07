import { z } from 'zod';
import { overviewPageView } from '../../../views/overview.js';
import { chartFigure } from '../charts/render.js';
import { countryColors, OPEN_CLOSED } from '../charts/palette.js';
import { section, statCards, table, twins } from '../components.js';
import { accessBadge, country, percent, verdictBadge } from '../format.js';
import { html } from '../html.js';
import { definePage } from '../page.js';
import { MIN_SAMPLE, periodRange } from '../../../views/sample.js';
import { todayIso } from '../../../domain/index.js';
import { shareCell } from './trends.js';

type Overview = Awaited<ReturnType<typeof overviewPageView>>;

export const overviewPage = definePage({
  name: 'overview',
  path: '/',
  nav: 'Overview',
  summary: 'Headline counts and findings, claim verdicts, the share of releases with downloadable weights by country and year, the best open model by country over time, the open–closed frontier gap, releases by access per year, recent releases and events. CSV: the share by country and year.',
  query: z.strictObject({}),
  load: (db) => overviewPageView(db),
  title: () => 'Overview',
  json: (d: Overview) => d,
  csv: (d: Overview) => d.shareByCountryYear.map(({ year, country, total, n, share }) => ({ year, country, releases: total, with_weights: n, share: Math.round(share * 1000) / 1000 })),
  render: (d: Overview, ctx) => {
    const s = d.stats;
    // One colour per country across the charts of this page.
    const colors = countryColors([...d.shareByCountryYear.map((r) => ({ code: r.country, name: r.group })), ...d.bestOpenByCountry.points.map((p) => ({ code: p.country, name: p.country_name }))]);
    const years = [...new Set(d.shareByCountryYear.map((r) => r.year))].sort((a, b) => a - b);
    const shareTable = table(d.shareByCountryYear, [
      { key: 'year', label: 'Year' },
      { key: 'group', label: 'Country' },
      { key: 'n', label: 'With weights', numeric: true },
      { key: 'total', label: 'Releases', numeric: true },
      { key: 'share', label: 'Share', numeric: true, cell: (r) => shareCell(r.n, r.total, MIN_SAMPLE) },
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
  ['with downloadable weights', s.releasesWithWeights, ctx.href('/releases?weights=true')],
  ['labs', s.organizations, ctx.href('/labs')],
  ['countries', s.countries, ctx.href('/countries')],
  ['licenses', s.licenses, ctx.href('/licenses')],
  ['sources', s.sources, ctx.href('/sources')],
  ['events', s.events],
])}
${d.claims.length ? section('Claims checked', 'claims', html`<ul class="claim-list">${d.claims.map((c) => html`<li>${verdictBadge(c.verdict)} <a href="${ctx.href(`/claims/${c.id}`)}">“${c.statement}”</a> <span class="who">${c.speaker}, ${c.said}</span></li>`)}</ul>`, 'Each verdict is as of the day the statement was made.') : ''}
${section('Open weights by country', 'share', chartFigure('share-by-country', {
  kind: 'period-shares',
  title: `Share of releases with downloadable weights (open or gated), ${d.topCountries.length} countries with the most releases`,
  y: 'releases with weights',
  periods: years.length ? periodRange(String(years[0]), String(years[years.length - 1]), 'year') : [],
  min: MIN_SAMPLE,
  partial: todayIso().slice(0, 4),
  data: d.shareByCountryYear.map(({ year, group, share, n, total }) => ({ period: String(year), group, share, n, total })),
  colors,
}, shareTable))}
${d.bestOpenByCountry.points.length ? section('Best open model by country', 'best-open', chartFigure('best-open-by-country', {
  kind: 'score-lines',
  title: `The best ${d.bestOpenByCountry.measure} score of an open-weights release from each country, at each quarter-end`,
  y: d.bestOpenByCountry.measure,
  data: d.bestOpenByCountry.points.map((p) => ({ date: p.date, series: p.country_name, score: p.score, label: p.name })),
  colors,
}, table(d.bestOpenByCountry.latest, [
  { key: 'country_name', label: 'Country' },
  { key: 'name', label: 'Best open release', cell: (r) => html`<a href="${ctx.href(`/releases/${r.id}`)}">${r.name}</a>` },
  { key: 'score', label: 'Score', numeric: true },
], { caption: `Best open release per country as of ${d.bestOpenByCountry.as_of}` })), html`<a href="${ctx.href('/best-open')}">Ranking and other measures</a>`) : ''}
${d.gap.series.length ? section('The frontier gap', 'gap', chartFigure('overview-gap', {
  kind: 'score-lines',
  title: `The best ${d.gap.measure} score with and without downloadable weights, at each month-end`,
  y: d.gap.measure,
  colors: { ...OPEN_CLOSED },
  data: d.gap.series.flatMap((p) => [
    ...(p.best_open !== null ? [{ date: p.date, series: 'best open', score: p.best_open, label: p.best_open_release ?? '' }] : []),
    ...(p.best_closed !== null ? [{ date: p.date, series: 'best closed', score: p.best_closed, label: p.best_closed_release ?? '' }] : []),
  ]),
}, table(d.gap.series, [{ key: 'date', label: 'Month end' }, { key: 'best_open', label: 'Best open', numeric: true }, { key: 'best_closed', label: 'Best closed', numeric: true }, { key: 'gap', label: 'Gap', numeric: true }], { caption: 'The frontier month by month' })),
  html`${d.gap.behind_months !== null ? `Open models stand where closed ones stood ${d.gap.behind_months} months earlier; the lag is ${d.gap.trend.direction}. ` : ''}<a href="${ctx.href('/gap')}">How long each closed record took to be matched</a>`) : ''}
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
