import { z } from 'zod';
import { adoptionView, AdoptionParams } from '../../../views/adoption.js';
import { chartFigure } from '../charts/render.js';
import { field, section, table, twins, serverForm } from '../components.js';
import { periodStart } from '../format.js';
import { html } from '../html.js';
import { definePage } from '../page.js';

type Data = Awaited<ReturnType<typeof adoptionView>>;
const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('en'));

export const adoptionPage = definePage({
  name: 'adoption',
  path: '/adoption',
  nav: 'Adoption',
  summary: 'Hugging Face Hub adoption (30-day downloads, likes, fine-tunes, adapters, quantizations, merges) by origin country or lab per period, and each release\'s downloads relative to peers of its size class at the same age. CSV: the per-period rows.',
  query: AdoptionParams,
  load: (db, q: z.infer<typeof AdoptionParams>) => adoptionView(db, q),
  title: () => 'Adoption',
  csv: (d: Data) => d.rows.map((r) => ({ ...r })),
  csvColumns: ['group', 'group_name', 'period', 'repos', 'releases', 'downloads_30d', 'downloads_all_time', 'likes', 'finetunes', 'adapters', 'quantizations', 'merges', 'derivatives'],
  render: (d: Data, ctx) => {
    const series = d.rows.filter((r) => r.downloads_30d !== null && r.group !== 'unattributed');
    // 30-day windows are not summed across periods: the latest period gets bars, history a line when there is one.
    const latestPeriod = d.rows.map((r) => r.period).sort().at(-1);
    const latest = d.rows.filter((r) => r.period === latestPeriod && r.downloads_30d !== null);
    const periods = new Set(series.map((r) => r.period)).size;
    return html`<h1>Adoption on the Hugging Face Hub</h1>
<p class="lede">Downloads and derivatives of the repos observed, summed by the ${d.by === 'country' ? 'country' : 'lab'} behind them, per ${d.period}, as of ${d.as_of}.</p>
${serverForm(ctx, html`<form class="filters inline" method="get" action="${ctx.href('/adoption')}" aria-label="Adoption options">
${field('by', 'Group by', d.by, { options: [{ value: 'country', label: 'country' }, { value: 'org', label: 'lab' }] })}
${field('period', 'Period', d.period, { options: ['month', 'quarter', 'year'].map((p) => ({ value: p, label: p })) })}
${field('as_of', 'As of', d.as_of, { placeholder: 'today or YYYY-MM-DD' })}
${d.hub ? field('rule', 'Whole Hub credited by', d.hub.rules.length > 1 ? 'both' : d.hub.rules[0]!.rule, { options: [{ value: 'both', label: 'both rules' }, { value: 'root', label: 'lineage root' }, { value: 'uploader', label: 'uploader' }] }) : ''}
<div class="actions"><button type="submit">Show</button></div>
</form>`)}
${latest.length ? section(`Downloads in ${latestPeriod}`, 'latest', chartFigure('adoption-latest', {
  kind: 'value-bars',
  title: `30-day downloads of the repos observed in ${latestPeriod}, by ${d.by === 'country' ? 'origin country' : 'lab'}`,
  x: 'downloads in 30 days',
  data: latest.map((r) => ({ label: r.group === 'unattributed' ? 'lab unknown' : r.group_name, value: r.downloads_30d!, note: `${r.repos} repos` })),
}, table(latest, [{ key: 'group_name', label: d.by === 'country' ? 'Country' : 'Lab' }, { key: 'repos', label: 'Repos', numeric: true }, { key: 'downloads_30d', label: 'Downloads (30 days)', numeric: true, cell: (r) => num(r.downloads_30d) }], { caption: `Downloads in ${latestPeriod}` }))) : ''}
${periods > 1 ? section('Downloads over time', 'downloads', chartFigure('adoption-downloads', {
  kind: 'score-lines',
  title: `30-day downloads of the observed repos by ${d.by === 'country' ? 'origin country' : 'lab'}`,
  y: 'downloads in 30 days',
  data: series.map((r) => ({ date: periodStart(r.period), series: r.group_name, score: r.downloads_30d!, label: `${r.repos} repos` })),
}, table(series, [{ key: 'period', label: 'Period' }, { key: 'group_name', label: d.by === 'country' ? 'Country' : 'Lab' }, { key: 'downloads_30d', label: 'Downloads (30 days)', numeric: true, cell: (r) => num(r.downloads_30d) }], { caption: 'Downloads per period' }))) : ''}
${d.hub ? section(`Whole Hub, snapshot ${d.hub.snapshot}`, 'hub', html`<p>${d.hub.rules.map((r) => html`<strong>${r.rule}</strong>: ${r.label}. `)}</p>
${table(d.hub.rows, [
  { key: 'rule', label: 'Rule' },
  { key: 'group', label: d.by === 'country' ? 'Country' : 'Lab' },
  { key: 'repos', label: 'Repos credited', numeric: true, cell: (r) => num(r.repos) },
  { key: 'downloads_30d', label: 'Downloads (30 days)', numeric: true, cell: (r) => `${num(r.downloads_30d)} (${r.rule})` },
  { key: 'share_30d', label: 'Share', numeric: true, cell: (r) => (r.share_30d === null ? '—' : `${(r.share_30d * 100).toFixed(1)}% (${r.rule})`) },
  { key: 'derivatives', label: 'Derivatives credited', numeric: true, cell: (r) => num(r.derivatives) },
], { caption: `Every model repo of the Hub snapshot of ${d.hub.snapshot}, credited by the rule named in each row` })}`) : ''}
${section('By period', 'rows', table(d.rows, [
  { key: 'period', label: 'Period' },
  { key: 'group_name', label: d.by === 'country' ? 'Country' : 'Lab' },
  { key: 'repos', label: 'Repos', numeric: true },
  { key: 'downloads_30d', label: 'Downloads (30 days)', numeric: true, cell: (r) => num(r.downloads_30d) },
  { key: 'likes', label: 'Likes', numeric: true, cell: (r) => num(r.likes) },
  { key: 'finetunes', label: 'Fine-tunes', numeric: true, cell: (r) => num(r.finetunes) },
  { key: 'quantizations', label: 'Quantizations', numeric: true, cell: (r) => num(r.quantizations) },
  { key: 'derivatives', label: 'All derivatives', numeric: true, cell: (r) => num(r.derivatives) },
], { caption: 'Adoption per period', empty: 'No adoption observations as of this date.' }))}
${section('Relative adoption', 'relative', table(d.relative, [
  { key: 'name', label: 'Release', cell: (r) => html`<a href="${ctx.href(`/releases/${r.id}`)}">${r.name}</a>` },
  { key: 'size_class', label: 'Size class' },
  { key: 'age_months', label: 'Age (months)', numeric: true },
  { key: 'downloads_30d', label: 'Downloads (30 days)', numeric: true, cell: (r) => num(r.downloads_30d) },
  { key: 'peer_rank', label: 'Rank among peers', numeric: true, cell: (r) => `${r.peer_rank} of ${r.peers}` },
  { key: 'relative', label: 'Relative', numeric: true, cell: (r) => (r.relative === null ? '—' : `${r.relative}×`) },
], { caption: 'Downloads against the 10th-ranked peer of the same size class and age (1× = on par)', empty: 'No release has enough peers observed.' }))}
${twins(ctx)}`;
  },
});
