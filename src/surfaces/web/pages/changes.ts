import { z } from 'zod';
import { changeRows, changesPageView, type ChangesPage } from '../../../views/history/changes-page.js';
import { section, statCards, table, twins } from '../components.js';
import { html } from '../html.js';
import { definePage } from '../page.js';

type Row = Record<string, unknown>;
/** Rows shown per table; the JSON and CSV twins have every change. */
const SHOWN = 200;

export const changesPage = definePage({
  name: 'changes',
  path: '/changes',
  nav: 'What changed',
  summary: 'What changed between the two latest snapshots (aperture snapshot): releases added and removed, license and access changes, capability scores, claim verdicts, organizations. With one snapshot, between it and the base being served. CSV: one row per change.',
  query: z.strictObject({}),
  load: (db) => changesPageView(db),
  title: () => 'What changed',
  csv: (d: ChangesPage) => changeRows(d),
  csvColumns: ['change', 'id', 'detail', 'from', 'to'],
  render: (d: ChangesPage, ctx) => {
    const x = d.diff;
    if (d.problem) return html`<h1>What changed</h1><p class="lede">The latest snapshots cannot be compared: ${d.problem}. Take a new one with <code>aperture snapshot</code>.</p>${twins(ctx)}`;
    if (!x || !d.counts) return html`<h1>What changed</h1><p class="lede">No snapshot has been taken yet: <code>aperture snapshot</code> takes one, and this page then compares the two latest.</p>${twins(ctx)}`;
    const c = d.counts;
    const release = (id: unknown) => html`<a href="${ctx.href(`/releases/${String(id)}`)}">${String(id)}</a>`;
    const list = (title: string, id: string, rows: readonly object[], cols: { key: string; label: string; release?: boolean }[]) =>
      rows.length ? section(`${title} (${rows.length})`, id, table(rows.slice(0, SHOWN) as Row[], cols.map((col) => ({ key: col.key, label: col.label, ...(col.release ? { cell: (r: Row) => release(r[col.key]) } : { cell: (r: Row) => (r[col.key] == null ? '—' : String(r[col.key])) }) })), { caption: `${title}${rows.length > SHOWN ? `, the first ${SHOWN}` : ''}` })) : '';
    return html`<h1>What changed</h1>
<p class="lede">From snapshot <code>${x.from.id}</code> (${x.from.date}) to ${x.to.id === 'current' ? 'the base served now' : html`snapshot <code>${x.to.id}</code>`} (${x.to.date}). Snapshots are immutable; <code>aperture diff</code> compares any two.</p>
${statCards([
  ['releases added', c.releases_added], ['releases removed', c.releases_removed], ['license changes', c.license_changes], ['access changes', c.access_changes],
  ['scores added', c.capability_added], ['scores changed', c.capability_changed], ['verdict changes', c.verdict_changes], ['organizations added', c.organizations_added],
])}
${list('Releases added', 'added-h', x.releases.added, [{ key: 'id', label: 'Release', release: true }, { key: 'org', label: 'Lab' }, { key: 'date', label: 'Date' }, { key: 'access', label: 'Access' }, { key: 'license', label: 'License' }])}
${list('Releases removed', 'removed-h', x.releases.removed, [{ key: 'id', label: 'Release' }, { key: 'org', label: 'Lab' }, { key: 'date', label: 'Date' }])}
${list('License changes', 'licenses-h', x.licenses, [{ key: 'release', label: 'Release', release: true }, { key: 'from', label: 'From' }, { key: 'to', label: 'To' }])}
${list('Access changes', 'access-h', x.access, [{ key: 'release', label: 'Release', release: true }, { key: 'change', label: 'Change' }, { key: 'from', label: 'From' }, { key: 'to', label: 'To' }])}
${list('Claim verdicts that changed', 'claims-h', x.claims.map((v) => ({ claim: v.claim, from: v.as_of.from, to: v.as_of.to, said: `${v.said.from ?? '—'} → ${v.said.to ?? '—'}` })), [{ key: 'claim', label: 'Claim' }, { key: 'from', label: 'Verdict before' }, { key: 'to', label: 'Verdict after' }, { key: 'said', label: 'As of the day said' }])}
${list('Scores changed', 'scores-changed-h', x.capability.changed, [{ key: 'release_id', label: 'Release', release: true }, { key: 'measure', label: 'Measure' }, { key: 'date', label: 'Date' }, { key: 'from', label: 'From' }, { key: 'to', label: 'To' }])}
${list('Scores added', 'scores-added-h', x.capability.added, [{ key: 'release_id', label: 'Release', release: true }, { key: 'measure', label: 'Measure' }, { key: 'date', label: 'Date' }, { key: 'value', label: 'Value' }])}
${list('Organizations added', 'orgs-h', x.organizations.added, [{ key: 'id', label: 'Organization' }, { key: 'name', label: 'Name' }, { key: 'country', label: 'Country' }])}
${section('Latest snapshots', 'snapshots-h', table(d.snapshots as Row[], [{ key: 'id', label: 'Snapshot' }, { key: 'date', label: 'Date' }, { key: 'label', label: 'Label', cell: (r: Row) => String(r.label ?? '') }, { key: 'releases', label: 'Releases', numeric: true }], { caption: 'The latest snapshots, newest first' }))}
${twins(ctx)}`;
  },
});
