import { z } from 'zod';
import { COMPONENT_BY_ID, datedAs, type ComponentId } from '../../../domain/index.js';
import { termsInWords } from '../../../assess/license-terms.js';
import { RUBRIC_TITLES, type Rubric } from '../../../views/assess.js';
import { releaseIds, releasePageView } from '../../../views/release-page.js';
import { facts, section, table, twins } from '../components.js';
import { accessBadge, componentName, country, extLink, gradeBadge, params, statusBadge, yesNo, licenseLinks } from '../format.js';
import { html, type Html } from '../html.js';
import { definePage, type RenderContext } from '../page.js';
import { sourceList } from './shared.js';

type Data = NonNullable<Awaited<ReturnType<typeof releasePageView>>>;
type Row = Record<string, unknown>;

const MOF_CLASS: Record<number, string> = { 1: 'I (open science)', 2: 'II (open tooling)', 3: 'III (open model)' };

function componentMatrix(d: Data, ctx: RenderContext): Html {
  const rows = d.components as { component: string; status: string; license: string | null; url: string | null; source: string | null; declared: boolean }[];
  const counts = new Map<string, number>();
  for (const c of rows) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  return html`<p>${summary}. Unknown means no source says; it is not counted as closed.</p>
${table(rows, [
  { key: 'component', label: 'Component', cell: (c) => componentName(c.component) },
  { key: 'class', label: 'MOF class', cell: (c) => MOF_CLASS[COMPONENT_BY_ID.get(c.component as ComponentId)?.mofClass ?? 0] ?? '' },
  { key: 'status', label: 'Status', cell: (c) => statusBadge(c.status) },
  { key: 'license', label: 'License', cell: (c) => licenseLinks(c.license, ctx.href, '') },
  { key: 'url', label: 'Evidence', cell: (c) => extLink(c.url, 'evidence') },
  { key: 'source', label: 'Source', cell: (c) => (c.source ? html`<a href="${ctx.href(`/sources/${c.source}`)}">${c.source}</a>` : '') },
], { caption: 'The 17 components of the Model Openness Framework', id: 'components' })}`;
}

function licenseTerms(d: Data, ctx: RenderContext): Html {
  if (d.licenses.length === 0) return html`<p>No license is recorded for the weights of this release.</p>`;
  return html`${d.licenses.map((l) => {
    const lic = l as Row & { id: string; name: string; terms: Record<string, unknown> | null };
    const words = lic.terms ? termsInWords(lic.terms as never) : undefined;
    const commercial = lic.terms?.commercial_use;
    return html`<article class="license-terms"><h3><a href="${ctx.href(`/licenses/${lic.id}`)}">${lic.name}</a> <code>${lic.id}</code></h3>
${words
  ? html`<ul>
<li>Commercial use: <strong>${commercial === 'conditional' ? 'allowed with conditions' : String(commercial ?? 'unknown')}</strong></li>
${words.restrictions.map((t) => html`<li class="restriction">${t}</li>`)}
${words.obligations.map((t) => html`<li class="obligation">${t}</li>`)}
${words.unknownTerms.length ? html`<li class="unknown">Not stated by any source: ${words.unknownTerms.join('; ')}</li>` : ''}
</ul>`
  : html`<p>No structured terms are registered for this license${lic.osi_approved ? '; it is approved by the Open Source Initiative' : ''}.</p>`}
</article>`;
  })}`;
}


function rubrics(d: Data): Html {
  if (d.rubrics.length === 0) return html`<p>No rubric results are stored in this database; rebuild it with <code>aperture build</code>.</p>`;
  return html`${d.rubrics.map((r) => {
    const result = r.result as Row & { reasons?: string[] };
    const osai = r.rubric === 'osai' && Array.isArray(result.params) ? (result.params as { label: string; grade: string; reason: string }[]) : undefined;
    const mof = r.rubric === 'mof' && Array.isArray(result.classes) ? (result.classes as { label: string; reached: boolean; completeness: number }[]) : undefined;
    return html`<article class="rubric" id="rubric-${r.rubric}"><h3>${RUBRIC_TITLES[r.rubric as Rubric] ?? r.rubric} <small>v${r.version}</small></h3>
<p class="rubric-summary">${r.summary}</p>
${mof ? table(mof, [{ key: 'label', label: 'Class' }, { key: 'reached', label: 'Reached', cell: (c) => (c.reached ? 'yes' : 'no') }, { key: 'completeness', label: 'Complete', numeric: true, cell: (c) => `${c.completeness}%` }], { caption: 'MOF classes' }) : ''}
${osai ? table(osai, [{ key: 'label', label: 'Parameter' }, { key: 'grade', label: 'Grade', cell: (p) => gradeBadge(p.grade) }, { key: 'reason', label: 'Why' }], { caption: 'Grades per parameter' }) : ''}
${result.reasons?.length ? html`<details><summary>Reasons (${result.reasons.length})</summary><ul>${result.reasons.map((x) => html`<li>${x}</li>`)}</ul></details>` : ''}
</article>`;
  })}`;
}

export const releasePage = definePage({
  name: 'release',
  path: '/releases/:id',
  noun: 'release',
  summary: 'One release: facts, the 17 Model Openness Framework components with status, license and evidence, every openness rubric with its reasons, license terms in plain words, observations and sources. CSV: the component matrix.',
  query: z.strictObject({}),
  load: (db, _q, id) => releasePageView(db, id!),
  ids: releaseIds,
  title: (d: Data) => String((d as Row).name),
  csv: (d: Data) => (d.components as Row[]).map((c) => ({ release: (d as Row).id, ...c })),
  render: (d: Data, ctx) => {
    const r = d as Data & Row;
    const sizes = r.params_total == null ? 'unknown' : `${params(r.params_total)}${r.params_active ? ` total, ${params(r.params_active)} active` : ''}`;
    return html`<nav class="crumbs" aria-label="Breadcrumb"><a href="${ctx.href('/releases')}">Releases</a> › <a href="${ctx.href(`/labs/${r.org}`)}">${String(r.org_name)}</a></nav>
<h1>${String(r.name)}</h1>
<p class="lede">Released ${datedAs(String(r.date), r.date_kind as string | null)} by <a href="${ctx.href(`/labs/${r.org}`)}">${String(r.org_name)}</a> (<a href="${ctx.href(`/countries/${r.country}`)}">${country(r.country)}</a>). ${d.access.map((a, i) => html`${i ? ' ' : ''}${accessBadge(a)}`)}</p>
${facts([
  ['Id', html`<code>${String(r.id)}</code>`],
  ['Family', String(r.family_name)],
  ['Type', String(r.type)],
  ['Parameters', sizes],
  ['Modalities', d.modalities.join(', ')],
  ['Flagship', yesNo(r.flagship)],
  ['Weights license', licenseLinks(r.license, ctx.href)],
  ['Base model', r.base_model ? html`<a href="${ctx.href(`/releases/${r.base_model}`)}">${String(r.base_model)}</a>` : '—'],
  ['Hub repos', d.hf_repos.length ? d.hf_repos.map((repo, i) => html`${i ? ', ' : ''}${extLink(`https://huggingface.co/${repo}`, repo)}`) : '—'],
  ['Defined in', html`<code>${String(r.file)}:${String(r.line)}</code>`],
])}
${section('Openness components', 'components-h', componentMatrix(d, ctx))}
${section('Openness rubrics', 'rubrics-h', rubrics(d), 'Each rubric is computed from the facts above, deterministically; unknown facts are never counted as open.')}
${section('License terms in plain words', 'license-h', licenseTerms(d, ctx))}
${d.capability.length ? section('Capability', 'capability-h', table(d.capability as Row[], [{ key: 'measure', label: 'Measure' }, { key: 'value', label: 'Score', numeric: true }, { key: 'date', label: 'Date' }, { key: 'source', label: 'Source', cell: (o) => html`<a href="${ctx.href(`/sources/${o.source}`)}">${String(o.source)}</a>` }], { caption: 'Capability observations' })) : ''}
${d.adoption.length ? section('Adoption', 'adoption-h', table(d.adoption as Row[], [{ key: 'repo', label: 'Repo' }, { key: 'date', label: 'Date' }, { key: 'downloads_30d', label: 'Downloads (30 days)', numeric: true }, { key: 'likes', label: 'Likes', numeric: true }, { key: 'finetunes', label: 'Fine-tunes', numeric: true }, { key: 'quantizations', label: 'Quantizations', numeric: true }], { caption: 'Hugging Face Hub observations' })) : ''}
${d.derived.length ? section('Built on this release', 'derived-h', html`<ul>${(d.derived as Row[]).map((x) => html`<li><a href="${ctx.href(`/releases/${x.id}`)}">${String(x.name)}</a> (${String(x.date)}, ${String(x.type)})</li>`)}</ul>`) : ''}
${d.events.length ? section('Events', 'events-h', html`<ul>${(d.events as Row[]).map((e) => html`<li><time datetime="${String(e.date)}">${String(e.date)}</time> ${String(e.title)}</li>`)}</ul>`) : ''}
${section('Sources', 'sources-h', sourceList(d.sources as Row[], ctx))}
${twins(ctx)}`;
  },
});
