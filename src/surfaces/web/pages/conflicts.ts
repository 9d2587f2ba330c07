import { z } from 'zod';
import { ATTRIBUTES } from '../../../domain/index.js';
import { ConflictsParams, conflictsView } from '../../../views/conflicts-page.js';
import { checkbox, field, section, table, twins, serverForm } from '../components.js';
import { componentName, statusBadge } from '../format.js';
import { html } from '../html.js';
import { definePage } from '../page.js';

type Data = Awaited<ReturnType<typeof conflictsView>>;

const KIND: Record<string, string> = {
  'they-open-we-closed': 'they say open, we say closed',
  'they-closed-we-released': 'they say closed, we say released',
  'license-differs': 'license differs',
};

export const conflictsPage = definePage({
  name: 'conflicts',
  path: '/conflicts',
  nav: 'Conflicts',
  summary: 'Where imported datasets (Epoch AI, models.dev, OpenRouter, ...) disagree with the release records: both values and both sources; resolved ones with all=true. Also where the peer openness indices judge a component otherwise. CSV: the dataset conflicts.',
  query: ConflictsParams,
  load: (db, q: z.infer<typeof ConflictsParams>) => conflictsView(db, q),
  title: () => 'Conflicts',
  csv: (d: Data) => d.rows.map((r) => ({ ...r })),
  csvColumns: ['release', 'name', 'org', 'attribute', 'recorded', 'recorded_sources', 'curated', 'observed', 'observed_source', 'upstream_name', 'resolved_value', 'resolution_reason', 'resolution_file', 'resolution_line'],
  render: (d: Data, ctx) => html`<h1>Conflicts between sources</h1>
<p class="lede">Imports never overwrite curated facts: where an imported dataset says something else, both values are kept here for review. ${d.rows.length} ${d.params.all ? '' : 'open '}conflict${d.rows.length === 1 ? '' : 's'}${d.byAttribute.length ? ` (${d.byAttribute.map((a) => `${a.count} ${a.attribute}`).join(', ')})` : ''}.</p>
${serverForm(ctx, html`<form class="filters inline" method="get" action="${ctx.href('/conflicts')}" aria-label="Filter conflicts">
${field('attribute', 'Attribute', d.params.attribute, { options: ATTRIBUTES.map((a) => ({ value: a, label: a })) })}
${field('release', 'Release id', d.params.release)}
${field('source', 'Source id', d.params.source)}
${checkbox('all', 'Include resolved ones', d.params.all)}
<div class="actions"><button type="submit">Filter</button> <a href="${ctx.href('/conflicts')}">Clear</a></div>
</form>`)}
${table(d.rows, [
  { key: 'name', label: 'Release', cell: (r) => html`<a href="${ctx.href(`/releases/${r.release}`)}">${r.name}</a>` },
  { key: 'attribute', label: 'Attribute' },
  { key: 'recorded', label: 'Recorded', cell: (r) => html`<strong>${r.recorded}</strong><br><small>${r.curated ? 'curated; ' : ''}${r.recorded_sources.split(',').map((s, i) => html`${i ? ', ' : ''}<a href="${ctx.href(`/sources/${s}`)}">${s}</a>`)}</small>` },
  { key: 'observed', label: 'Imported', cell: (r) => html`<strong>${r.observed}</strong><br><small><a href="${ctx.href(`/sources/${r.observed_source}`)}">${r.observed_source}</a>${r.upstream_name ? ` as “${r.upstream_name}”` : ''}</small>` },
  { key: 'resolved_value', label: 'Resolution', cell: (r) => (r.resolved_value === null ? 'open' : html`${r.resolved_value}${r.resolution_reason ? html`<br><small>${r.resolution_reason}</small>` : ''}`) },
], { caption: 'Disagreements, curated records first', id: 'conflicts-table', empty: 'No conflicts.' })}
${section('Where the peer indices judge components otherwise', 'peers-h', table(d.peers, [
  { key: 'release', label: 'Release', cell: (r) => html`<a href="${ctx.href(`/releases/${r.release}`)}">${r.release}</a>` },
  { key: 'component', label: 'Component', cell: (r) => componentName(r.component) },
  { key: 'ours', label: 'Ours', cell: (r) => html`${statusBadge(r.ours)}${r.our_license ? html`<br><small>${r.our_license}</small>` : ''}${r.our_source ? html`<br><small><a href="${ctx.href(`/sources/${r.our_source}`)}">${r.our_source}</a></small>` : ''}` },
  { key: 'theirs', label: 'Theirs', cell: (r) => html`${r.theirs ?? 'unknown'}${r.their_license ? html`<br><small>${r.their_license}</small>` : ''}<br><small><a href="${ctx.href(`/sources/${r.source}`)}">${r.peer}</a>: ${r.entry}</small>` },
  { key: 'kind', label: 'Kind', cell: (r) => KIND[r.kind] ?? r.kind },
], { caption: 'Component judgments of the European Open Source AI Index and the Model Openness Tool that differ from ours', id: 'peers-table', empty: 'No disagreements with the peer indices.' }), html`They are prompts to look again, not corrections: each side cites its evidence. Unknown components, facts without evidence and the peer indices' coverage are on the <a href="${ctx.href('/quality')}">data quality page</a>.`)}
${twins(ctx)}`,
});
