import { COMPONENTS } from '../../../domain/index.js';
import type { Db } from '../../../store/db.js';
import { QualityParams, qualityView } from '../../../views/quality.js';
import { chartFigure } from '../charts/render.js';
import { checkbox, field, section, serverForm, statCards, table, twins } from '../components.js';
import { componentName, country, extLink, statusBadge } from '../format.js';
import { html, type Interpolation } from '../html.js';
import { definePage } from '../page.js';

const labOptions = (db: Db) => db.all<{ id: string; name: string }>('SELECT id, name FROM organizations ORDER BY name');

type Data = Awaited<ReturnType<typeof qualityView>> & { params: QualityParams; orgs: Awaited<ReturnType<typeof labOptions>> };

/** How many labs the chart draws and how many releases the table lists; the CSV twin has every release. */
const TOP_LABS = 12;
const TOP_RELEASES = 25;

const KIND: Record<string, string> = {
  'they-open-we-closed': 'they say open, we say closed',
  'they-closed-we-released': 'they say closed, we say released',
  'license-differs': 'license differs',
  'they-judge-closed': 'they judge the document closed',
};

const pct = (share: number) => `${Math.round(share * 100)}%`;
const orUnknown = (v: Interpolation): Interpolation => (v === null || v === undefined || v === '' ? 'unknown' : v);
/** Component ids as names; "all 17" rather than the whole list when nothing is known. */
const components = (ids: readonly string[]) => (ids.length === COMPONENTS.length ? `all ${ids.length}` : ids.map(componentName).join(', ') || '—');

export const qualityPage = definePage({
  name: 'quality',
  path: '/quality',
  nav: 'Quality',
  summary: 'Gaps and doubts in the component facts, as `aperture quality` reports them (org, imported): unknown components per lab and per release, facts without an evidence URL, and where the European Open Source AI Index and the Model Openness Tool judge otherwise. CSV: one row per release with its unknown components and the facts that cite no URL.',
  query: QualityParams,
  load: async (db, q: QualityParams): Promise<Data> => ({ ...(await qualityView(db, q)), params: q, orgs: await labOptions(db) }),
  title: () => 'Data quality',
  json: ({ orgs, ...rest }: Data) => rest,
  // Per release is the list a curator works through: every release, not only the top ones the page shows.
  csv: (d: Data) => d.releases.map((r) => ({ ...r })),
  csvColumns: ['release', 'name', 'org', 'date', 'flagship', 'imported', 'known', 'unknown', 'unknown_components', 'with_url', 'without_url'],
  render: (d: Data, ctx) => {
    const s = d.summary;
    const release = (id: string, name = id) => html`<a href="${ctx.href(`/releases/${id}`)}">${name}</a>`;
    const names = new Map(d.orgs.map((o) => [o.id, o.name]));
    const lab = (id: string, name = names.get(id) ?? id) => html`<a href="${ctx.href(`/labs/${id}`)}">${name}</a>`;
    const labs = d.labs as { org: string; org_name: string; country: string | null; releases: number; unknown_components: number; unknown_share: number; well_known: number; no_facts: number; no_evidence: number }[];
    const peers = d.peers as { peer: string; source: string; entries: number; matched: number; unmatched: number; ambiguous: number; unknown_org: number; observations: number }[];
    const origins = d.originDisagreements as { release: string; entry: string; their_org: string | null; their_origin: string | null; their_countries: string[]; our_countries: string[] | null }[];
    const charted = labs.filter((l) => l.unknown_components > 0).sort((a, b) => b.unknown_components - a.unknown_components || a.org.localeCompare(b.org)).slice(0, TOP_LABS);
    const byKind = Object.entries(s.disagreementsByKind).map(([k, n]) => `${n} ${KIND[k] ?? k}`).join(', ');
    return html`<h1>Data quality</h1>
<p class="lede">Where the component facts are thin or doubtful: which of the 17 Model Openness Framework components no source speaks to, which recorded facts cite no evidence URL, and where the peer openness indices judge otherwise. Unknown means no source says; it is never counted as closed. Imported releases carry no component facts and are left out unless asked for.</p>
${serverForm(ctx, html`<form class="filters inline" method="get" action="${ctx.href('/quality')}" aria-label="Filter the quality report">
${field('org', 'Lab', d.params.org, { options: d.orgs.map((o) => ({ value: o.id, label: o.name })) })}
${checkbox('imported', 'Include imported releases', d.params.imported)}
<div class="actions"><button type="submit">Filter</button> <a href="${ctx.href('/quality')}">Clear</a></div>
</form>`)}
${statCards([
  ['releases', s.releases],
  [`components unknown (${s.releases ? pct(s.unknownShare) : '—'} of all)`, s.componentsUnknown],
  ['releases with 10 or more components known', s.releasesWithComponents],
  ['releases without component facts', s.releasesWithoutFacts],
  ['facts without an evidence URL', s.factsWithoutUrl],
  ['disagreements with peer indices', s.disagreements],
  ['unknowns a peer index judges', s.peerGaps],
])}
${section('Unknown components by lab', 'labs-h', html`${charted.length ? chartFigure('quality-labs', {
  kind: 'value-bars',
  title: `Unknown components per lab${labs.length > charted.length ? `, the ${charted.length} with the most` : ''}`,
  x: 'components no source speaks to',
  data: charted.map((l) => ({ label: l.org_name, value: l.unknown_components, note: `${pct(l.unknown_share)} of ${l.releases} release${l.releases === 1 ? '' : 's'} × 17` })),
}, table(charted, [
  { key: 'org_name', label: 'Lab' },
  { key: 'unknown_components', label: 'Unknown components', numeric: true },
], { caption: 'Unknown components per lab, most first' })) : ''}
${table(labs, [
  { key: 'org_name', label: 'Lab', cell: (l) => lab(l.org, l.org_name) },
  { key: 'country', label: 'Country', cell: (l) => orUnknown(country(l.country)) },
  { key: 'releases', label: 'Releases', numeric: true },
  { key: 'unknown_components', label: 'Unknown components', numeric: true },
  { key: 'unknown_share', label: 'Unknown share', numeric: true, cell: (l) => pct(l.unknown_share) },
  { key: 'well_known', label: '10+ known', numeric: true },
  { key: 'no_facts', label: 'No facts', numeric: true },
  { key: 'no_evidence', label: 'No evidence URL', numeric: true },
], { caption: 'Component coverage per lab, least covered first', id: 'labs-table', empty: 'No releases match.' })}`, 'The share counts 17 components per release; "10+ known" is releases with at least 10 of them known, "no evidence URL" releases whose known components cite no URL at all.')}
${section('Releases with the most unknown components', 'releases-h', table(d.releases.slice(0, TOP_RELEASES), [
  { key: 'name', label: 'Release', cell: (r) => release(r.release, r.name) },
  { key: 'org', label: 'Lab', cell: (r) => lab(r.org) },
  { key: 'date', label: 'Date', cell: (r) => orUnknown(r.date) },
  { key: 'known', label: 'Known', numeric: true },
  { key: 'unknown', label: 'Unknown', numeric: true },
  { key: 'unknown_components', label: 'Unknown components', cell: (r) => components(r.unknown_components) },
], { caption: 'Releases by unknown components, most first', id: 'releases-table', empty: 'No releases match.' }), d.releases.length > TOP_RELEASES ? html`The ${TOP_RELEASES} of ${d.releases.length} releases with the most; the <a href="${ctx.href('/quality.csv')}${ctx.search}">CSV</a> lists every one.` : undefined)}
${section('Facts without an evidence URL', 'evidence-h', table(d.withoutEvidence, [
  { key: 'release', label: 'Release', cell: (r) => release(r.release) },
  { key: 'org', label: 'Lab', cell: (r) => lab(r.org) },
  { key: 'known', label: 'Known', numeric: true },
  { key: 'with_url', label: 'With URL', numeric: true },
  { key: 'without_url', label: 'Components without URL', cell: (r) => r.without_url.map(componentName).join(', ') },
], { caption: 'Known components that cite a source but no evidence URL', id: 'evidence-table', empty: 'Every known component cites an evidence URL.' }))}
${section('Disagreements with the peer indices', 'disagreements-h', table(d.disagreements, [
  { key: 'release', label: 'Release', cell: (r) => release(r.release) },
  { key: 'component', label: 'Component', cell: (r) => html`${componentName(r.component)}<br><small>${r.peer === 'mot' ? 'MOT' : 'EOSAI'}: ${r.parameter}</small>` },
  { key: 'ours', label: 'Ours', cell: (r) => html`${statusBadge(r.ours)}${r.our_license ? html`<br><small>${r.our_license}</small>` : ''}<br><small>${r.our_source ? html`<a href="${ctx.href(`/sources/${r.our_source}`)}">${r.our_source}</a>` : 'no source'}${r.our_url ? html` · ${extLink(r.our_url, 'evidence')}` : ' · no evidence URL'}</small>` },
  { key: 'theirs', label: 'Theirs', cell: (r) => html`<strong>${orUnknown(r.theirs)}</strong>${r.their_license ? html`<br><small>${r.their_license}</small>` : ''}<br><small><a href="${ctx.href(`/sources/${r.source}`)}">${r.peer}</a>: ${r.entry}${r.their_url ? html` · ${extLink(r.their_url, 'their page')}` : ''}</small>` },
  { key: 'kind', label: 'Kind', cell: (r) => KIND[r.kind] ?? r.kind },
], { caption: 'Component judgments of the European Open Source AI Index (EOSAI) and the Model Openness Tool (MOT) that point the other way from ours', id: 'disagreements-table', empty: 'No disagreements with the peer indices.' }), html`Prompts to look again, not corrections: each side cites its evidence.${byKind ? ` ${byKind}.` : ''} Dataset conflicts are on the <a href="${ctx.href('/conflicts')}">conflicts page</a>.`)}
${section('Unknown to us, judged by a peer index', 'gaps-h', table(d.peerGaps, [
  { key: 'release', label: 'Release', cell: (r) => release(r.release) },
  { key: 'component', label: 'Component', cell: (r) => componentName(r.component) },
  { key: 'peers', label: 'Judged by', cell: (r) => r.peers.join(', ') },
  { key: 'theirs', label: 'Theirs', cell: (r) => (r.theirs?.length ? r.theirs.join(', ') : 'unknown') },
], { caption: 'Components no fact of ours speaks to but a peer index judges: where a curator could start', id: 'gaps-table', empty: 'No peer index speaks to a component we lack.' }))}
${section('Peer indices', 'peers-h', table(peers, [
  { key: 'peer', label: 'Index', cell: (p) => html`<a href="${ctx.href(`/sources/${p.source}`)}">${p.peer}</a>` },
  { key: 'entries', label: 'Entries', numeric: true },
  { key: 'matched', label: 'Matched to a release', numeric: true },
  { key: 'unmatched', label: 'Unmatched', numeric: true },
  { key: 'ambiguous', label: 'Ambiguous', numeric: true },
  { key: 'unknown_org', label: 'Unknown lab', numeric: true },
  { key: 'observations', label: 'Judgments', numeric: true },
], { caption: 'Entries of each peer index and how many were tied to a release', id: 'peers-table', empty: 'No peer index has been imported (aperture import osai-index, aperture import mot).' }))}
${origins.length ? section('Where EOSAI places a lab elsewhere', 'origins-h', table(origins, [
  { key: 'release', label: 'Release', cell: (r) => release(r.release) },
  { key: 'entry', label: 'EOSAI entry' },
  { key: 'their_origin', label: 'Their origin', cell: (r) => html`${orUnknown(r.their_origin)} <small>(${r.their_countries.join(', ')})</small>` },
  { key: 'our_countries', label: 'Our lab\'s countries', cell: (r) => (r.our_countries?.length ? r.our_countries.join(', ') : 'unknown') },
], { caption: 'National origins in EOSAI that name none of the lab\'s countries', id: 'origins-table' })) : ''}
${twins(ctx)}`;
  },
});
