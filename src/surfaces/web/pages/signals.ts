import { signalsPageView, SignalsPageParams } from '../../../views/signals-page.js';
import { chartFigure } from '../charts/render.js';
import { field, section, serverForm, table, twins } from '../components.js';
import { accessBadge, country } from '../format.js';
import { html, type Html } from '../html.js';
import { definePage, type RenderContext } from '../page.js';

type Data = Awaited<ReturnType<typeof signalsPageView>>;
type Signal = Data['signals'][number];

const KIND_TEXT: Record<string, string> = {
  'first-open-release': 'first open release',
  'flagship-closed': 'flagship closed',
  'flagship-opened': 'flagship opened',
  'weights-gated': 'weights gated',
  'weights-ungated': 'weights ungated',
  'license-tightened': 'license tightened',
  'license-loosened': 'license loosened',
  'model-withheld': 'model withheld',
  'last-open-release': 'last open release',
};

/** Signals as a list with their releases, events around them and sources (the lab, country and signals pages). */
export function signalList(rows: readonly Signal[] | readonly (Omit<Signal, 'countries'> & { countries?: string[] })[], ctx: RenderContext, empty: string): Html {
  if (!rows.length) return html`<p class="empty">${empty}</p>`;
  return html`<ol class="signals">${rows.map((s) => html`<li><time datetime="${s.day}">${s.date}</time> <span class="direction direction-${s.direction}">${s.direction}</span> <a href="${ctx.href(`/labs/${s.org}`)}">${s.org_name}</a>: ${KIND_TEXT[s.kind] ?? s.kind}. ${s.title}${s.releases.length ? html` <span class="rels">(${s.releases.map((r, i) => html`${i ? ', ' : ''}<a href="${ctx.href(`/releases/${r.id}`)}">${r.name}</a> ${accessBadge(r.access)}`)})</span>` : ''}${s.events.length ? html`<br><small>Around then: ${s.events.map((e, i) => html`${i ? '; ' : ''}${e.date} ${e.title}`)}</small>` : ''}<br><small>Sources: ${s.sources.map((id, i) => html`${i ? ', ' : ''}<a href="${ctx.href(`/sources/${id}`)}">${id}</a>`)}</small></li>`)}</ol>`;
}

export const signalsPage = definePage({
  name: 'signals',
  path: '/signals',
  nav: 'Signals',
  summary: 'Retreat and advance signals (flagship closed or opened, weights gated, license tightened or loosened, model withheld, first and last open release) with their releases, the lab\'s events around them and sources; filter by lab, country (several allowed), direction, period and date.',
  query: SignalsPageParams,
  multi: ['country'],
  load: (db, q) => signalsPageView(db, q),
  title: () => 'Retreat and advance signals',
  csvColumns: ['date', 'org', 'org_name', 'countries', 'direction', 'kind', 'title', 'releases', 'sources'],
  csv: (d: Data) => d.signals.map((s) => ({ date: s.date, org: s.org, org_name: s.org_name, countries: s.countries, direction: s.direction, kind: s.kind, title: s.title, releases: s.releases.map((r) => r.id), sources: s.sources })),
  render: (d: Data, ctx) => {
    const p = d.params;
    const perYear = new Map<string, number>();
    for (const s of d.signals) perYear.set(`${s.day.slice(0, 4)}|${s.direction}`, (perYear.get(`${s.day.slice(0, 4)}|${s.direction}`) ?? 0) + 1);
    const bars = [...perYear.entries()].map(([k, count]) => ({ year: Number(k.split('|')[0]), key: k.split('|')[1]!, count })).sort((a, b) => a.year - b.year);
    return html`<h1>Retreat and advance signals</h1>
<p class="lede">${d.signals.length} signals as of ${d.as_of}: ${d.retreats} retreats (a lab's output became less open) and ${d.advances} advances${p.country ? html`, from labs based in ${p.country.map(country).join(', ')}` : ''}${p.org ? html`, from <a href="${ctx.href(`/labs/${p.org}`)}">${p.org}</a>` : ''}. Flagships are compared ${p.period === 'year' ? 'year' : p.period} by ${p.period === 'year' ? 'year' : p.period}; see the <a href="${ctx.href('/glossary#signal')}">glossary</a>.</p>
${serverForm(ctx, html`<form class="filters inline" method="get" action="${ctx.href('/signals')}" aria-label="Signal filters">
${field('org', 'Lab id', p.org, { placeholder: 'e.g. meta' })}
${field('country', 'Countries', p.country?.join(','), { placeholder: 'e.g. US,CN' })}
${field('direction', 'Direction', p.direction, { options: [{ value: 'retreat', label: 'retreat' }, { value: 'advance', label: 'advance' }] })}
${field('period', 'Flagships pooled by', p.period, { options: ['year', 'half', 'quarter'].map((x) => ({ value: x, label: x })) })}
${field('since', 'Since', p.since?.slice(0, 10), { placeholder: 'YYYY or YYYY-MM' })}
${field('as_of', 'As of', d.as_of, { placeholder: 'today or YYYY-MM-DD' })}
<div class="actions"><button type="submit">Show</button></div>
</form>`)}
${bars.length ? section('Signals per year', 'per-year', chartFigure('signals-per-year', { kind: 'stacked-bars', title: 'Retreat and advance signals per year', y: 'signals', color: 'plain', data: bars },
  table(bars, [{ key: 'year', label: 'Year' }, { key: 'key', label: 'Direction' }, { key: 'count', label: 'Signals', numeric: true }], { caption: 'Signals per year and direction' }))) : ''}
${section('Signals, newest first', 'list', signalList(d.signals, ctx, 'No signal matches these filters.'))}
${twins(ctx)}`;
  },
});
