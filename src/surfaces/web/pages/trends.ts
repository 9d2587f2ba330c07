import { trendsPageView, TrendsPageParams } from '../../../views/trends-page.js';
import { chartFigure } from '../charts/render.js';
import { countryColors } from '../charts/palette.js';
import { field, section, serverForm, table, twins } from '../components.js';
import { accessBadge, percent } from '../format.js';
import { html } from '../html.js';
import { definePage } from '../page.js';

type Data = Awaited<ReturnType<typeof trendsPageView>>;
type Row = Data['rows'][number];

const METRIC_TEXT: Record<string, string> = {
  'open-weights-share': 'share of releases with downloadable weights',
  'mof-class': 'Model Openness Framework class',
  'osai-score': 'European Open Source AI Index score',
};

const rubricText = (r: Row) => {
  if (!r.rubric) return '';
  return Object.entries(r.rubric).map(([k, v]) => `${k}: ${v ?? 'unknown'}`).join(', ');
};

/** A share with its n, greyed below the minimum sample. */
export const shareCell = (n: number, total: number, min: number) =>
  total < min ? html`<span class="small-sample" title="fewer than ${min} releases">${percent(n, total)} (${n} of ${total})</span>` : html`${percent(n, total)} <small>(${n} of ${total})</small>`;

export const trendsPage = definePage({
  name: 'trends',
  path: '/trends',
  nav: 'Trends',
  summary: 'Openness per lab or country per period (year, half, quarter): releases, how many have downloadable weights (with n), flagships and the period\'s latest flagship, and a rubric metric (MOF class, EOSAI score); filter by lab, country and start date.',
  query: TrendsPageParams,
  load: (db, q) => trendsPageView(db, q),
  title: () => 'Trends',
  csvColumns: ['group', 'group_name', 'period', 'releases', 'open_weights', 'open_share', 'small_sample', 'partial_period', 'flagships', 'open_flagships', 'flagship', 'flagship_access'],
  csv: (d: Data) => d.rows.map((r) => ({
    group: r.group, group_name: r.group_name, period: r.period, releases: r.releases, open_weights: r.open_weights, open_share: Math.round(r.open_share * 1000) / 1000,
    small_sample: r.releases < d.min_sample, partial_period: r.period === d.partial_period, flagships: r.flagships, open_flagships: r.open_flagships,
    flagship: r.flagship?.id ?? '', flagship_access: r.flagship?.access ?? '', ...(r.rubric ? { rubric: JSON.stringify(r.rubric) } : {}),
  })),
  render: (d: Data, ctx) => {
    const p = d.params;
    const lines = d.rows.filter((r) => d.drawn.includes(r.group));
    const colors = p.by === 'country' ? countryColors(lines.map((r) => ({ code: r.group, name: r.group_name }))) : undefined;
    const groupLabel = p.by === 'country' ? 'Country' : 'Lab';
    return html`<h1>Trends</h1>
<p class="lede">The ${METRIC_TEXT[p.metric]} per ${p.by === 'country' ? 'country' : 'lab'} and ${p.period}, as of ${d.as_of}. Every share shows its n; shares from fewer than ${d.min_sample} releases are greyed and not joined into lines; ${d.partial_period} is not over yet.${d.unplaced ? ` ${d.unplaced} releases dated only by year are left out of half-years and quarters.` : ''}</p>
${serverForm(ctx, html`<form class="filters inline" method="get" action="${ctx.href('/trends')}" aria-label="Trend filters">
${field('by', 'Group by', p.by, { options: [{ value: 'country', label: 'country' }, { value: 'org', label: 'lab' }] })}
${field('period', 'Period', p.period, { options: ['year', 'half', 'quarter'].map((x) => ({ value: x, label: x })) })}
${field('metric', 'Metric', p.metric, { options: Object.entries(METRIC_TEXT).map(([value, label]) => ({ value, label })) })}
${field('org', 'Lab id', p.org, { placeholder: 'e.g. meta' })}
${field('country', 'Country', p.country, { placeholder: 'e.g. CN' })}
${field('since', 'Since', p.since?.slice(0, 10), { placeholder: 'YYYY or YYYY-MM' })}
${field('as_of', 'As of', d.as_of, { placeholder: 'today or YYYY-MM-DD' })}
<div class="actions"><button type="submit">Show</button></div>
</form>`)}
${lines.length ? section('Share with downloadable weights', 'chart', chartFigure('trends-share', {
  kind: 'period-shares',
  title: `Share of releases with downloadable weights (open or gated) per ${p.period}, the ${d.drawn.length} ${p.by === 'country' ? 'countries' : 'labs'} with the most releases`,
  y: 'releases with weights',
  periods: d.periods,
  min: d.min_sample,
  partial: d.partial_period,
  data: lines.map((r) => ({ period: r.period, group: r.group_name, share: r.open_share, n: r.open_weights, total: r.releases })),
  ...(colors ? { colors } : {}),
}, table(lines, [{ key: 'period', label: 'Period' }, { key: 'group_name', label: groupLabel }, { key: 'open_share', label: 'Share', numeric: true, cell: (r) => shareCell(r.open_weights, r.releases, d.min_sample) }], { caption: 'The shares drawn' }))) : ''}
${section('Every period', 'rows', table(d.rows, [
  { key: 'period', label: 'Period', cell: (r) => (r.period === d.partial_period ? html`${r.period} <small>(not over)</small>` : r.period) },
  { key: 'group_name', label: groupLabel, cell: (r) => html`<a href="${ctx.href(p.by === 'country' ? `/countries/${r.group}` : `/labs/${r.group}`)}">${r.group_name}</a>` },
  { key: 'releases', label: 'Releases', numeric: true },
  { key: 'open_share', label: 'With weights', numeric: true, cell: (r) => shareCell(r.open_weights, r.releases, d.min_sample) },
  { key: 'open_flagships', label: 'Open flagships', numeric: true, cell: (r) => `${r.open_flagships} of ${r.flagships}` },
  { key: 'flagship', label: 'Latest flagship', cell: (r) => (r.flagship ? html`<a href="${ctx.href(`/releases/${r.flagship.id}`)}">${r.flagship.name}</a> ${accessBadge(r.flagship.access)}` : 'none') },
  ...(p.metric !== 'open-weights-share' ? [{ key: 'rubric', label: METRIC_TEXT[p.metric]!, cell: rubricText }] : []),
], { caption: `Per ${p.by === 'country' ? 'country' : 'lab'} and ${p.period}`, empty: 'No release matches these filters.' }))}
${twins(ctx)}`;
  },
});
