import { z } from 'zod';
import { BestOpenParams } from '../../../views/best-open.js';
import { bestOpenPageView } from '../../../views/analytics-pages.js';
import { chartFigure } from '../charts/render.js';
import { field, section, table, twins, serverForm } from '../components.js';
import { accessBadge, country, params, percent, licenseLinks } from '../format.js';
import { countryColors } from '../charts/palette.js';
import { html } from '../html.js';
import { evidenceNotice } from '../evidence.js';
import { definePage, type RenderContext } from '../page.js';

type Data = Awaited<ReturnType<typeof bestOpenPageView>>;

/** The measure and date form shared by the analytics pages. */
export function measureForm(ctx: RenderContext, action: string, measure: string, asOf: string, measures: readonly { measure: string; releases: number }[], extra: ReturnType<typeof field>[] = []) {
  return html`<form class="filters inline" method="get" action="${ctx.href(action)}" aria-label="Measure and date">
${field('measure', 'Capability measure', measure, { options: measures.map((m) => ({ value: m.measure, label: `${m.measure} (${m.releases} releases)` })) })}
${field('as_of', 'As of', asOf, { placeholder: 'today or YYYY-MM-DD' })}
${extra}
<div class="actions"><button type="submit">Show</button></div>
</form>`;
}

export const bestOpenPage = definePage({
  name: 'best-open',
  path: '/best-open',
  nav: 'Best open',
  summary: 'The best open-weights releases at a date by one capability measure (default the LMArena text arena), each country\'s share of the top N, and each country\'s best open score quarter by quarter.',
  query: BestOpenParams,
  load: (db, q: z.infer<typeof BestOpenParams>) => bestOpenPageView(db, q),
  title: () => 'Best open models',
  csv: (d: Data) => d.ranking.map((r) => ({ ...r })),
  // Named, so the CSV keeps its header when no score is fresh enough to rank anything.
  csvColumns: ['rank', 'id', 'name', 'org', 'org_name', 'group', 'group_name', 'countries', 'date', 'params_total', 'access', 'license', 'score', 'observed', 'sources'],
  render: (d: Data, ctx) => html`<h1>Best open models</h1>
<p class="lede">The ${d.top} best releases with downloadable weights as of ${d.as_of} by <code>${d.measure}</code>, among ${d.scored} scored. Scores of different measures are never mixed.</p>
${evidenceNotice(d.window, ctx)}
${serverForm(ctx, measureForm(ctx, '/best-open', d.measure, d.as_of, d.measures, [field('top', 'How many', d.top, { type: 'number' })]))}
${section(`Share of the top ${d.top} by country`, 'shares', table(d.shares, [
  { key: 'country_name', label: 'Country', cell: (s) => html`<a href="${ctx.href(`/countries/${s.country}`)}">${country(s.country)}</a>` },
  { key: 'count', label: `In the top ${d.top}`, numeric: true },
  { key: 'share', label: 'Share', numeric: true, cell: (s) => percent(s.count, d.ranking.length) },
], { caption: 'A lab based in n countries gives each of them 1/n of its place, so the shares add up to 100%', empty: 'No scored open release as of this date.' }))}
${section('Ranking', 'ranking', table(d.ranking, [
  { key: 'rank', label: 'Rank', numeric: true },
  { key: 'name', label: 'Release', cell: (r) => html`<a href="${ctx.href(`/releases/${r.id}`)}">${r.name}</a>` },
  { key: 'org_name', label: 'Lab', cell: (r) => html`<a href="${ctx.href(`/labs/${r.org}`)}">${r.org_name}</a>` },
  { key: 'countries', label: 'Countries', cell: (r) => r.countries.join(', ') },
  { key: 'params_total', label: 'Parameters', numeric: true, cell: (r) => params(r.params_total) },
  { key: 'access', label: 'Access', cell: (r) => accessBadge(r.access) },
  { key: 'license', label: 'License', cell: (r) => licenseLinks(r.license, ctx.href) },
  { key: 'score', label: 'Score', numeric: true },
  { key: 'observed', label: 'Observed' },
], { caption: `The best open-weights releases by ${d.measure}`, id: 'ranking-table', empty: 'No scored open release as of this date.' }))}
${d.history.points.length ? section('Best open score by country over time', 'history', chartFigure('best-open-history', {
  kind: 'score-lines',
  title: `The best ${d.measure} score of an open-weights release from each country, at each quarter-end`,
  y: d.measure,
  data: d.history.points.map((p) => ({ date: p.date, series: p.country_name, score: p.score, label: p.name })),
  colors: countryColors(d.history.points.map((p) => ({ code: p.country, name: p.country_name }))),
}, table(d.history.points, [{ key: 'date', label: 'Date' }, { key: 'country_name', label: 'Country' }, { key: 'name', label: 'Release' }, { key: 'score', label: 'Score', numeric: true }], { caption: 'Best open score per country and quarter' }))) : ''}
${twins(ctx)}`,
});
