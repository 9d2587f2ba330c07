import { z } from 'zod';
import { termsInWords } from '../../../assess/license-terms.js';
import { licenseIds, licensePageView, licenseTermsView } from '../../../views/license-page.js';
import { facts, section, table, twins } from '../components.js';
import { accessBadge, extLink, yesNo } from '../format.js';
import { html } from '../html.js';
import { definePage } from '../page.js';
import { sourceList } from './shared.js';

type Row = Record<string, unknown>;
type License = NonNullable<Awaited<ReturnType<typeof licensePageView>>>;

/** SPDX ids and `LicenseRef-` ids keep their case and may contain dots and plus signs. */
export const LicenseId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.+-]{0,120}$/, { error: 'expected an SPDX license id or a LicenseRef- id' });

const COMMERCIAL: Record<string, string> = { allowed: 'allowed', conditional: 'with conditions', forbidden: 'forbidden' };
const tri = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : '?');

export const licensesPage = definePage({
  name: 'licenses',
  path: '/licenses',
  nav: 'Licenses',
  summary: 'Every license in the registry or used by a release, with its structured terms side by side.',
  query: z.strictObject({}),
  load: (db) => licenseTermsView(db),
  title: () => 'Licenses',
  csv: (rows: Row[]) => rows.map(({ terms, ...rest }) => rest),
  render: (rows: Row[], ctx) => html`<h1>Licenses</h1>
<p class="lede">Terms side by side. “?” means no source states the term; it is not read as “no”.</p>
${table(rows, [
  { key: 'name', label: 'License', cell: (r) => html`<a href="${ctx.href(`/licenses/${r.id}`)}">${String(r.name)}</a><br><code>${String(r.id)}</code>` },
  { key: 'category', label: 'Category', cell: (r) => String(r.category ?? 'unknown') },
  { key: 'osi_approved', label: 'OSI', cell: (r) => tri(r.osi_approved) },
  { key: 'commercial_use', label: 'Commercial use', cell: (r) => COMMERCIAL[String(r.commercial_use)] ?? '?' },
  { key: 'user_threshold', label: 'User cap', numeric: true, cell: (r) => (typeof r.user_threshold === 'number' ? r.user_threshold.toLocaleString('en') : '—') },
  { key: 'acceptable_use_policy', label: 'Use policy', cell: (r) => tri(r.acceptable_use_policy) },
  { key: 'output_training_limit', label: 'No training on outputs', cell: (r) => tri(r.output_training_limit) },
  { key: 'attribution_required', label: 'Attribution', cell: (r) => tri(r.attribution_required) },
  { key: 'revocable', label: 'Revocable', cell: (r) => tri(r.revocable) },
  { key: 'releases', label: 'Releases', numeric: true },
], { caption: 'Licenses and their terms, most used first', id: 'licenses-table' })}
${twins(ctx)}`,
});

export const licensePage = definePage({
  name: 'license',
  path: '/licenses/:id',
  noun: 'license',
  summary: 'One license: its terms in plain words, the releases it covers and its sources. CSV: the releases.',
  id: LicenseId,
  query: z.strictObject({}),
  load: (db, _q, id) => licensePageView(db, id!),
  ids: licenseIds,
  title: (d: License) => String((d as Row).name),
  csv: (d: License) => d.releaseList as Row[],
  render: (d: License, ctx) => {
    const l = d as License & Row;
    const words = d.terms ? termsInWords(d.terms) : undefined;
    const releases = d.releaseList as Row[];
    return html`<nav class="crumbs" aria-label="Breadcrumb"><a href="${ctx.href('/licenses')}">Licenses</a></nav>
<h1>${String(l.name)}</h1>
${facts([
  ['Id', html`<code>${String(l.id)}</code>`],
  ['Category', String(l.category ?? 'unknown')],
  ['OSI approved', yesNo(l.osi_approved)],
  ['Commercial use', COMMERCIAL[String(d.terms?.commercial_use ?? l.commercial_use)] ?? 'unknown'],
  ['Hub tag', String(l.hf_tag ?? '—')],
  ['Text', extLink(l.url, String(l.url), '—')],
])}
${section('Terms in plain words', 'terms-h', words
  ? html`<ul class="terms">${words.restrictions.map((t) => html`<li class="restriction">${t}</li>`)}${words.obligations.map((t) => html`<li class="obligation">${t}</li>`)}${words.unknownTerms.length ? html`<li class="unknown">Not stated by any source: ${words.unknownTerms.join('; ')}</li>` : ''}${words.restrictions.length + words.obligations.length === 0 ? html`<li>No restrictions or obligations are recorded.</li>` : ''}</ul>`
  : html`<p>No structured terms are registered for this license (add a file in <code>data/licenses/</code>).</p>`)}
${section('Releases under this license', 'releases-h', table(releases, [
  { key: 'date', label: 'Date' },
  { key: 'name', label: 'Release', cell: (r) => html`<a href="${ctx.href(`/releases/${r.id}`)}">${String(r.name)}</a>` },
  { key: 'org_name', label: 'Lab', cell: (r) => html`<a href="${ctx.href(`/labs/${r.org}`)}">${String(r.org_name)}</a>` },
  { key: 'access', label: 'Access', cell: (r) => accessBadge(String(r.access)) },
  { key: 'license', label: 'Expression' },
], { caption: `${releases.length} releases whose weights license names ${String(l.id)}`, empty: 'No release uses it for its weights.' }))}
${section('Sources', 'sources-h', sourceList(d.sources as Row[], ctx))}
${twins(ctx)}`;
  },
});
