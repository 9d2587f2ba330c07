import { z } from 'zod';
import { GapParams } from '../../../views/gap.js';
import { gapPageView } from '../../../views/analytics-pages.js';
import { chartFigure } from '../charts/render.js';
import { facts, section, table, twins, serverForm } from '../components.js';
import { evidenceNotice } from '../evidence.js';
import { OPEN_CLOSED } from '../charts/palette.js';
import { html } from '../html.js';
import { definePage } from '../page.js';
import { measureForm } from './best-open.js';

type Data = Awaited<ReturnType<typeof gapPageView>>;

const link = (href: (p: string) => string, id: string | null) => (id ? html`<a href="${href(`/releases/${id}`)}">${id}</a>` : '—');

export const gapPage = definePage({
  name: 'gap',
  path: '/gap',
  nav: 'Gap',
  summary: 'The open-closed frontier gap: at each month-end the best score of a release with downloadable weights and of one without, how many months open models took to reach each closed record, and whether that lag is shrinking. CSV: the monthly series.',
  query: GapParams,
  load: (db, q: z.infer<typeof GapParams>) => gapPageView(db, q),
  title: () => 'Frontier gap',
  json: ({ measures, ...rest }: Data) => rest,
  csv: (d: Data) => d.series.map((p) => ({ ...p })),
  render: (d: Data, ctx) => {
    const t = d.trend;
    const last = d.series.at(-1);
    return html`<h1>The open–closed frontier gap</h1>
<p class="lede">${last && last.gap !== null
  ? `As of ${d.as_of}, the best open-weights release scores ${last.best_open} on ${d.measure} and the best closed one ${last.best_closed}: a gap of ${last.gap} points.${d.behind_months !== null ? ` Open models stand where closed ones stood ${d.behind_months} months earlier.` : ''}`
  : `No ${d.measure} scores as of ${d.as_of}.`}</p>
${evidenceNotice(d.window, ctx)}
${serverForm(ctx, measureForm(ctx, '/gap', d.measure, d.as_of, d.measures))}
${facts([
  ['Lag trend', `${t.direction}${t.slope_months_per_year !== null ? ` (${t.slope_months_per_year} months per year)` : ''}`],
  ['Closed records reached by open models', String(t.reached_records)],
  ['Mean months to reach', t.mean_lag_months === null ? 'unknown' : String(t.mean_lag_months)],
  ['Newest observation', d.newest_observation ?? '—'],
])}
${d.newest_observation && d.newest_observation < d.as_of ? html`<p class="intro">Scores end on ${d.newest_observation}; lags after that reflect missing observations as much as progress.</p>` : ''}
${d.series.length ? section('Best open and best closed score', 'frontier', chartFigure('frontier-gap', {
  kind: 'score-lines',
  title: `The best ${d.measure} score with and without downloadable weights, at each month-end`,
  y: d.measure,
  colors: { ...OPEN_CLOSED },
  data: d.series.flatMap((p) => [
    ...(p.best_open !== null ? [{ date: p.date, series: 'best open', score: p.best_open, label: p.best_open_release ?? '' }] : []),
    ...(p.best_closed !== null ? [{ date: p.date, series: 'best closed', score: p.best_closed, label: p.best_closed_release ?? '' }] : []),
  ]),
}, table(d.series, [
  { key: 'date', label: 'Month end' },
  { key: 'best_open', label: 'Best open', numeric: true },
  { key: 'best_open_release', label: 'Release', cell: (p) => link(ctx.href, p.best_open_release) },
  { key: 'best_closed', label: 'Best closed', numeric: true },
  { key: 'best_closed_release', label: 'Release', cell: (p) => link(ctx.href, p.best_closed_release) },
  { key: 'gap', label: 'Gap', numeric: true },
], { caption: 'The frontier month by month' }))) : ''}
${section('How long open models took to catch up', 'records', table(d.records, [
  { key: 'date', label: 'Closed record set' },
  { key: 'closed_release', label: 'Closed release', cell: (r) => link(ctx.href, r.closed_release) },
  { key: 'score', label: 'Score', numeric: true },
  { key: 'reached_on', label: 'Open reached it', cell: (r) => r.reached_on ?? 'not yet' },
  { key: 'open_release', label: 'Open release', cell: (r) => link(ctx.href, r.open_release) },
  { key: 'lag_months', label: 'Months', numeric: true, cell: (r) => (r.lag_months ?? (r.waiting_months !== null ? `${r.waiting_months}+` : '')) as string },
], { caption: 'Each new closed record and when an open-weights release first matched it', empty: 'No closed records as of this date.' }))}
${twins(ctx)}`;
  },
});
