import { z } from 'zod';
import { claimsView, ClaimsParams } from '../../../views/claims.js';
import { claimIds, claimPageView } from '../../../views/claim-page.js';
import type { ClaimResult } from '../../../claims/evaluate.js';
import { chartFigure } from '../charts/render.js';
import { facts, field, section, table, twins, serverForm } from '../components.js';
import { accessBadge, extLink, verdictBadge, VERDICT_LABEL } from '../format.js';
import { html, type Html } from '../html.js';
import { measureNotices } from '../evidence.js';
import { definePage, type RenderContext } from '../page.js';

type Claims = Awaited<ReturnType<typeof claimsView>>;
type Row = Record<string, unknown>;

type Claim = NonNullable<Awaited<ReturnType<typeof claimPageView>>>;

function who(c: ClaimResult, ctx: RenderContext): Html {
  return html`<p class="who">${c.speaker}, ${c.said}. ${extLink(c.source.url, c.source.title ?? c.source.publisher)} (<a href="${ctx.href(`/sources/${c.source.id}`)}">source record</a>)</p>`;
}

function evidence(c: ClaimResult, ctx: RenderContext): Html {
  return table(c.evidence, [
    { key: 'kind', label: 'Kind' },
    { key: 'name', label: 'What', cell: (e) => (e.kind === 'release' ? html`<a href="${ctx.href(`/releases/${e.id}`)}">${e.name}</a>` : e.name) },
    { key: 'date', label: 'Date' },
    // Events can involve several labs: `org` is then a comma-separated list.
    { key: 'org', label: 'Lab', cell: (e) => (e.org ?? '').split(',').filter(Boolean).map((o, i) => html`${i ? ', ' : ''}<a href="${ctx.href(`/labs/${o}`)}">${o}</a>`) },
    { key: 'score', label: 'Score', numeric: true, cell: (e) => (e.score === undefined ? '' : html`${e.score}${e.observed ? html`<br><small>${e.observed}</small>` : ''}`) },
    { key: 'access', label: 'Access', cell: (e) => (e.access ? accessBadge(e.access) : '') },
    { key: 'note', label: 'Why it counts', cell: (e) => e.note ?? '' },
    { key: 'sources', label: 'Sources', cell: (e) => e.sources.map((s, i) => html`${i ? ', ' : ''}<a href="${ctx.href(`/sources/${s}`)}">${s}</a>`) },
  ], { caption: `Evidence as of ${c.as_of}`, empty: 'No evidence rows.' });
}

export const claimsPage = definePage({
  name: 'claims',
  path: '/claims',
  nav: 'Claims',
  summary: 'Every claim with its verdict (supported, partly supported, contradicted, not enough data) and explanation, checked as of the day it was made (as_of=said, the default), today, or a date.',
  query: ClaimsParams,
  load: (db, q: z.infer<typeof ClaimsParams>) => claimsView(db, q),
  title: () => 'Claims',
  csv: (d: Claims) => d.claims.map((c) => ({ id: c.id, statement: c.statement, speaker: c.speaker, said: c.said, as_of: c.as_of, verdict: c.verdict, explanation: c.explanation, source: c.source.url })),
  render: (d: Claims, ctx) => html`<h1>Claims</h1>
<p class="lede">Statements about open AI, each checked against the fact base with a verdict and the evidence behind it. ${d.as_of === 'said' ? 'Each claim is checked as of the day it was made.' : `Checked as of ${d.as_of}.`}</p>
${serverForm(ctx, html`<form class="filters inline" method="get" action="${ctx.href('/claims')}" aria-label="Check claims as of a date">
${field('as_of', 'Check as of', d.as_of === 'said' ? '' : d.as_of, { placeholder: 'said, today or YYYY-MM-DD', hint: 'empty: the day each claim was made' })}
<div class="actions"><button type="submit">Check</button> <a href="${ctx.href('/claims?as_of=today')}">As of today</a></div>
</form>`)}
<ol class="claims">${d.claims.map((c) => html`<li class="claim">
<blockquote>${c.statement}</blockquote>
${who(c, ctx)}
<div class="verdicts">${verdictBadge(c.verdict)}${c.stale ? html` <span class="stale-flag">stale evidence</span>` : ''} <span>as of ${c.as_of}</span> <a href="${ctx.href(`/claims/${c.id}`)}">Evidence and timeline</a></div>
<p class="explanation">${c.explanation}</p>
${measureNotices(c.measures, ctx)}
</li>`)}</ol>
${twins(ctx)}`,
});

const VERDICT_ORDER = ['supported', 'partly-supported', 'contradicted', 'not-enough-data'];

export const claimPage = definePage({
  name: 'claim',
  path: '/claims/:id',
  noun: 'claim',
  summary: 'One claim: its verdict as of the day it was made and today, explanation, conditions, evidence with sources, and how the verdict changed quarter by quarter. CSV: the evidence as of the day it was made.',
  query: z.strictObject({}),
  load: (db, _q, id) => claimPageView(db, id!),
  ids: claimIds,
  warm: true,
  title: (d: Claim) => d.said.statement,
  csv: (d: Claim) => d.said.evidence.map((e) => ({ ...e })),
  render: (d: Claim, ctx) => {
    const c = d.said;
    const spans = d.timeline.spans;
    return html`<nav class="crumbs" aria-label="Breadcrumb"><a href="${ctx.href('/claims')}">Claims</a></nav>
<h1>“${c.statement}”</h1>
${who(c, ctx)}
${facts([
  [`Verdict when said (${c.as_of})`, html`${verdictBadge(c.verdict)}${c.stale ? html` <span class="stale-flag">stale evidence</span>` : ''}`],
  [`Verdict today (${d.today.as_of})`, html`${verdictBadge(d.today.verdict)}${d.today.stale ? html` <span class="stale-flag">stale evidence</span>` : ''}`],
  ['Analysis', c.analysis],
  ['Defined in', html`<code>${c.defined_at}</code>`],
])}
${section('Why', 'why', html`<p class="explanation">${c.explanation}</p>${c.as_of !== d.today.as_of && d.today.explanation !== c.explanation ? html`<p class="explanation"><strong>Today:</strong> ${d.today.explanation}</p>` : ''}
${table(c.conditions as unknown as Row[], [
  { key: 'verdict', label: 'For a verdict of', cell: (r) => VERDICT_LABEL[String(r.verdict)] ?? String(r.verdict) },
  { key: 'metric', label: 'Metric', cell: (r) => html`<code>${String(r.metric)}</code>` },
  { key: 'value', label: 'Value', numeric: true, cell: (r) => String(r.value ?? 'no data') },
  { key: 'bounds', label: 'Needs', cell: (r) => [r.min !== undefined ? `at least ${r.min}` : '', r.max !== undefined ? `at most ${r.max}` : ''].filter(Boolean).join(' and ') },
  { key: 'holds', label: 'Holds', cell: (r) => (r.holds ? 'yes' : 'no') },
], { caption: 'The rule, condition by condition', empty: 'No conditions were checked.' })}`)}
${c.measures ? section('Evidence windows', 'windows-h', html`<p>When said (${c.as_of}):</p>${measureNotices(c.measures, ctx)}${c.as_of !== d.today.as_of ? html`<p>Today (${d.today.as_of}):</p>${measureNotices(d.today.measures, ctx)}` : ''}`) : ''}
${section('Evidence', 'evidence-h', evidence(c, ctx))}
${section('Verdict over time', 'timeline-h', chartFigure('claim-timeline', {
  kind: 'verdict-timeline',
  title: `The verdict quarter by quarter, ${d.timeline.points[0]?.date ?? ''} to ${d.timeline.points.at(-1)?.date ?? ''}; the dashed line marks the day it was said`,
  said: c.said,
  points: d.timeline.points.map((p) => ({ date: p.date, verdict: p.verdict })),
  order: VERDICT_ORDER,
}, table(spans, [
  { key: 'from', label: 'From' }, { key: 'to', label: 'To' }, { key: 'verdict', label: 'Verdict', cell: (s) => verdictBadge(s.verdict) },
], { caption: 'Periods with the same verdict' })))}
${section('Sources', 'sources-h', html`<ul class="sources">${c.sources.map((s) => html`<li><a href="${ctx.href(`/sources/${s}`)}">${s}</a></li>`)}</ul>`)}
${twins(ctx)}`;
  },
});
