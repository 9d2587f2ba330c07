import { z } from 'zod';
import { MODALITIES, RELEASE_TYPES } from '../../../domain/index.js';
import { ChooseParams } from '../../../views/choose.js';
import { choosePageView } from '../../../views/analytics-pages.js';
import { checkbox, checkboxGroup, field, section, table, twins, serverForm } from '../components.js';
import { accessBadge, params, licenseLinks } from '../format.js';
import { evidenceNotice } from '../evidence.js';
import { html } from '../html.js';
import { definePage, type RenderContext } from '../page.js';

type Data = Awaited<ReturnType<typeof choosePageView>>;
const list = (v: string[] | undefined) => v?.join(',') ?? '';
const paramText = (n: number | undefined) => (n === undefined ? '' : params(n));

function form(d: Data, ctx: RenderContext) {
  const p = d.params;
  return html`<form class="filters chooser" method="get" action="${ctx.href('/choose')}" aria-label="Constraints">
<fieldset class="checks"><legend>License</legend>
${checkbox('license_allows', 'Commercial use allowed', p.license_allows === 'commercial', 'commercial')}
${checkbox('no_user_cap', 'No user or revenue cap', p.no_user_cap === true)}
${checkbox('output_training', 'Outputs may train other models', p.output_training === true)}
${checkbox('osi', 'OSI-approved license', p.osi === true)}
${checkbox('ungated', 'Download without a click-through', p.ungated === true)}
</fieldset>
${checkboxGroup('type', 'Type', RELEASE_TYPES.map((t) => ({ value: t, label: t })), p.type ?? [])}
${checkboxGroup('modality', 'Modalities (all of)', MODALITIES.map((m) => ({ value: m, label: m })), p.modality ?? [])}
<div>
${field('max_params', 'At most (parameters)', paramText(p.max_params), { placeholder: 'e.g. 70B' })}
${field('min_params', 'At least (parameters)', paramText(p.min_params), { placeholder: 'e.g. 1B' })}
</div>
<div>
${field('country', 'Only from countries', list(p.country), { placeholder: 'e.g. FR,DE', hint: 'two-letter codes, comma-separated' })}
${field('exclude_country', 'Not from countries', list(p.exclude_country), { placeholder: 'e.g. CN' })}
</div>
<div>
${field('org', 'Only from labs', list(p.org), { placeholder: 'lab ids, e.g. mistral' })}
${field('exclude_org', 'Not from labs', list(p.exclude_org), { placeholder: 'e.g. meta' })}
</div>
<div>
${field('measure', 'Rank by', d.measure, { options: d.measures.map((m) => ({ value: m.measure, label: m.measure })) })}
${field('top', 'How many', p.top, { type: 'number' })}
</div>
<div class="actions"><button type="submit">Choose</button> <a href="${ctx.href('/choose')}">Clear</a></div>
</form>`;
}

export const choosePage = definePage({
  name: 'choose',
  path: '/choose',
  nav: 'Chooser',
  summary: 'The model chooser: releases with downloadable weights meeting every constraint (license terms, origin, size, type, modality), ranked by a capability measure, each with its license restrictions in plain words. Lists may be comma-separated or repeated.',
  multi: ['country', 'exclude_country', 'org', 'exclude_org', 'modality', 'type'],
  query: ChooseParams,
  load: (db, q: z.infer<typeof ChooseParams>) => choosePageView(db, q),
  title: () => 'Chooser',
  json: ({ measures, ...rest }: Data) => rest,
  csv: (d: Data) => d.candidates.map(({ rank, ...c }) => ({ rank, ...c })),
  csvColumns: ['rank', 'id', 'name', 'org', 'org_name', 'group', 'group_name', 'countries', 'date', 'type', 'params_total', 'params_active', 'access', 'license', 'license_name', 'modalities', 'hf_repos', 'score', 'observed', 'score_sources', 'restrictions'],
  render: (d: Data, ctx) => {
    const excluded = Object.entries(d.excluded).sort((a, b) => b[1] - a[1]);
    return html`<h1>Choose an open model</h1>
<p class="lede">Releases with downloadable weights that meet every constraint, ranked by <code>${d.measure}</code> (unscored last). A constraint on a license term no source states leaves the release out rather than guess.</p>
${evidenceNotice(d.window, ctx)}
${serverForm(ctx, form(d, ctx))}
${section('Candidates', 'candidates', html`<p id="match-count" aria-live="polite">${d.matched} release${d.matched === 1 ? '' : 's'} match${d.matched === 1 ? 'es' : ''}${d.matched > d.candidates.length ? `; the best ${d.candidates.length} are shown` : ''}.</p>
${table(d.candidates, [
  { key: 'rank', label: 'Rank', numeric: true },
  { key: 'name', label: 'Release', cell: (c) => html`<a href="${ctx.href(`/releases/${c.id}`)}">${c.name}</a>` },
  { key: 'org_name', label: 'Lab', cell: (c) => html`<a href="${ctx.href(`/labs/${c.org}`)}">${c.org_name}</a>` },
  { key: 'countries', label: 'Countries', cell: (c) => c.countries.join(', ') },
  { key: 'params_total', label: 'Parameters', numeric: true, cell: (c) => params(c.params_total) },
  { key: 'access', label: 'Access', cell: (c) => accessBadge(c.access) },
  { key: 'license', label: 'License', cell: (c) => html`${licenseLinks(c.license, ctx.href)}${c.license_name && c.license_name !== c.license ? html`<br><small>${c.license_name}</small>` : ''}` },
  { key: 'score', label: 'Score', numeric: true, cell: (c) => (c.score === null ? 'unscored' : String(c.score)) },
  { key: 'restrictions', label: 'What the license asks', cell: (c) => (c.restrictions.length ? html`<ul class="restrictions">${c.restrictions.map((r) => html`<li>${r}</li>`)}</ul>` : 'nothing recorded') },
], { caption: 'Candidates, best first', id: 'candidates-table', empty: 'No release meets every constraint.' })}
${excluded.length ? html`<p class="excluded">Left out: ${excluded.map(([reason, n], i) => html`${i ? '; ' : ''}${n} (${reason})`)}.</p>` : ''}`)}
${twins(ctx)}`;
  },
});
