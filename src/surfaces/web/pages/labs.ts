import { z } from 'zod';
import { labsPageView } from '../../../views/labs-page.js';
import { labIds, labPageView } from '../../../views/lab-page.js';
import { CountryCode } from '../../../views/countries.js';
import { chartFigure } from '../charts/render.js';
import { facts, field, section, table, twins, serverForm } from '../components.js';
import { accessBadge, country, extLink, percent, licenseLinks } from '../format.js';
import { html } from '../html.js';
import { definePage } from '../page.js';
import { eventList, sourceList } from './shared.js';

type Row = Record<string, unknown>;
type Lab = NonNullable<Awaited<ReturnType<typeof labPageView>>>;

type Labs = Awaited<ReturnType<typeof labsPageView>>;

export const labsPage = definePage({
  name: 'labs',
  path: '/labs',
  nav: 'Labs',
  summary: 'Organizations (labs) with their countries, release counts and how many releases have downloadable weights, and the share per lab and year for the labs with the most releases; filter by country. CSV: the labs.',
  query: z.strictObject({ country: CountryCode.optional() }),
  load: (db, q: { country?: string }) => labsPageView(db, q),
  title: () => 'Labs',
  csv: (d: Labs) => d.labs as Row[],
  render: (d: Labs, ctx) => {
    const rows = d.labs as Row[];
    const names = new Map(rows.map((r) => [String(r.id), String(r.name)]));
    const labNames = d.heatmap.labs.map((id) => names.get(id) ?? id);
    return html`<h1>Labs</h1>
${serverForm(ctx, html`<form class="filters inline" method="get" action="${ctx.href('/labs')}" aria-label="Filter labs">
${field('country', 'Country code', ctx.query.country, { placeholder: 'e.g. CN' })}
<div class="actions"><button type="submit">Filter</button> <a href="${ctx.href('/labs')}">Clear</a></div>
</form>`)}
${d.heatmap.cells.length ? section('Openness per lab and year', 'heatmap', chartFigure('labs-heatmap', {
  kind: 'share-heatmap',
  title: `Releases with downloadable weights per year, for the ${labNames.length} labs with the most releases`,
  labs: labNames,
  years: d.heatmap.years,
  data: d.heatmap.cells,
}, table(d.heatmap.cells, [{ key: 'lab', label: 'Lab' }, { key: 'year', label: 'Year' }, { key: 'open', label: 'With weights', numeric: true }, { key: 'releases', label: 'Releases', numeric: true }], { caption: 'Releases with weights per lab and year' }))) : ''}
${section('All labs', 'all-labs', table(rows, [
  { key: 'name', label: 'Lab', cell: (r) => html`<a href="${ctx.href(`/labs/${r.id}`)}">${String(r.name)}</a>` },
  { key: 'kind', label: 'Kind' },
  { key: 'countries', label: 'Countries', cell: (r) => String(r.countries ?? '').split(',').filter(Boolean).map((c, i) => html`${i ? ', ' : ''}<a href="${ctx.href(`/countries/${c}`)}">${country(c)}</a>`) },
  { key: 'releases', label: 'Releases', numeric: true },
  { key: 'open_weights', label: 'With weights', numeric: true },
  { key: 'share', label: 'Share', numeric: true, cell: (r) => percent(Number(r.open_weights), Number(r.releases)) },
  { key: 'first_release', label: 'First' },
  { key: 'latest_release', label: 'Latest' },
], { caption: `${rows.length} labs, by number of releases`, id: 'labs-table', empty: 'No lab matches.' }))}
${twins(ctx)}`;
  },
});

export const labPage = definePage({
  name: 'lab',
  path: '/labs/:id',
  noun: 'lab',
  summary: 'One lab: countries, names, its releases and their access over time, retreat and advance signals, events and sources. CSV: its releases.',
  query: z.strictObject({}),
  load: (db, _q, id) => labPageView(db, id!),
  ids: labIds,
  title: (d: Lab) => String((d as Row).name),
  csv: (d: Lab) => d.releases as Row[],
  render: (d: Lab, ctx) => {
    const g = d as Lab & Row;
    const releases = d.releases as Row[];
    const events = d.events as Row[];
    return html`<nav class="crumbs" aria-label="Breadcrumb"><a href="${ctx.href('/labs')}">Labs</a></nav>
<h1>${String(g.name)}</h1>
<p class="lede">${d.releaseCount} releases, ${d.openWeights} with downloadable weights (${percent(d.openWeights, d.releaseCount)}).</p>
${facts([
  ['Kind', String(g.kind)],
  ['Countries', (g.countries as string[]).map((c, i) => html`${i ? ', ' : ''}<a href="${ctx.href(`/countries/${c}`)}">${country(c)}</a>`)],
  ['Parent', g.parent ? html`<a href="${ctx.href(`/labs/${g.parent}`)}">${String(g.parent)}</a>` : '—'],
  ['Also known as', (g.aliases as string[] | null)?.join(', ') || '—'],
  ['Hub namespaces', (g.hf_namespaces as string[] | null)?.map((n, i) => html`${i ? ', ' : ''}${extLink(`https://huggingface.co/${n}`, n)}`) || '—'],
  ['Website', extLink(g.url, String(g.url), '—')],
])}
${releases.length ? section('Trajectory', 'trajectory', chartFigure('lab-timeline', {
  kind: 'timeline',
  title: `${String(g.name)}: each release by its most open access channel, with events as dashed lines`,
  data: releases.map((r) => ({ date: String(r.date), access: String(r.access), name: String(r.name) })),
  events: events.map((e) => ({ date: String(e.date), title: String(e.title) })),
}, table(releases, [{ key: 'date', label: 'Date' }, { key: 'name', label: 'Release' }, { key: 'access', label: 'Most open access', cell: (r) => accessBadge(String(r.access)) }], { caption: 'Releases by date' }))) : ''}
${section('Retreat and advance signals', 'signals-h', d.signals.length ? html`<ol class="signals">${d.signals.map((s) => html`<li><time datetime="${s.day}">${s.date}</time> <span class="direction-${s.direction}">${s.direction}</span> ${s.title}${s.releases.length ? html` (${s.releases.map((r, i) => html`${i ? ', ' : ''}<a href="${ctx.href(`/releases/${r.id}`)}">${r.name}</a>`)})` : ''}${s.events.length ? html`<br><small>around then: ${s.events.map((e, i) => html`${i ? '; ' : ''}${e.date} ${e.title}`)}</small>` : ''}</li>`)}</ol>` : html`<p>No signals: its flagships kept their openness.</p>`)}
${section('Releases', 'releases-h', table(releases, [
  { key: 'date', label: 'Date' },
  { key: 'name', label: 'Release', cell: (r) => html`<a href="${ctx.href(`/releases/${r.id}`)}">${String(r.name)}</a>` },
  { key: 'type', label: 'Type' },
  { key: 'access', label: 'Access', cell: (r) => accessBadge(String(r.access)) },
  { key: 'license', label: 'License', cell: (r) => licenseLinks(r.license, ctx.href) },
], { caption: `Releases by ${String(g.name)}, newest first`, empty: 'No releases recorded.' }))}
${section('Events', 'events-h', eventList(events))}
${section('Sources', 'sources-h', sourceList(d.sources as Row[], ctx))}
${twins(ctx)}`;
  },
});
