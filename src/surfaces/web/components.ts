import { attr, html, type Html, type Interpolation } from './html.js';
import type { RenderContext } from './page.js';

export interface Column<R> {
  key: string;
  label: string;
  cell?: (row: R) => Interpolation;
  /** Right-aligned with tabular figures. */
  numeric?: boolean;
  /** Kept on one line (dates). */
  nowrap?: boolean;
  /** Sort key for the server-side sort links; omitted columns are not sortable. */
  sort?: string;
}

export interface TableOptions {
  caption: string;
  id?: string;
  /** Current sort, to render the header links and aria-sort. */
  sort?: { by: string; order: 'asc' | 'desc'; link: (by: string, order: 'asc' | 'desc') => string };
  /** Extra attributes per row, for client-side filtering of a static export. */
  rowData?: (row: any) => Record<string, string>;
  empty?: string;
}

/** A data table: a caption for screen readers, scoped headers, sortable columns as links. */
export function table<R extends object>(rows: readonly R[], columns: readonly Column<R>[], opts: TableOptions): Html {
  if (rows.length === 0) return html`<p class="empty">${opts.empty ?? 'Nothing to show.'}</p>`;
  const head = columns.map((c) => {
    const cls = attr('class', c.numeric && 'num');
    if (!opts.sort || !c.sort) return html`<th scope="col"${cls}>${c.label}</th>`;
    const active = opts.sort.by === c.sort;
    const next = active && opts.sort.order === 'asc' ? 'desc' : active ? 'asc' : c.sort === 'date' || c.numeric ? 'desc' : 'asc';
    const ariaSort = active ? (opts.sort.order === 'asc' ? 'ascending' : 'descending') : undefined;
    const arrow = active ? (opts.sort.order === 'asc' ? ' ▲' : ' ▼') : '';
    return html`<th scope="col"${cls}${attr('aria-sort', ariaSort)} data-sort="${c.sort}"><a href="${opts.sort.link(c.sort, next)}">${c.label}<span aria-hidden="true">${arrow}</span></a></th>`;
  });
  const body = rows.map((row) => {
    const data = opts.rowData ? Object.entries(opts.rowData(row)).map(([k, v]) => html` data-${k}="${v}"`) : [];
    return html`<tr${data}>${columns.map((c) => html`<td${attr('class', [c.numeric && 'num', (c.nowrap || c.key === 'date') && 'nowrap'].filter(Boolean).join(' ') || undefined)}>${c.cell ? c.cell(row) : ((row as Record<string, unknown>)[c.key] as Interpolation)}</td>`)}</tr>`;
  });
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${opts.caption}"><table${attr('id', opts.id)}><caption>${opts.caption}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** Key/value facts about one record. */
export function facts(entries: ReadonlyArray<[string, Interpolation]>): Html {
  return html`<dl class="facts">${entries.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v === '' || v == null ? 'unknown' : v}</dd></div>`)}</dl>`;
}

/** Headline numbers. */
export function statCards(entries: ReadonlyArray<[string, Interpolation, string?]>): Html {
  return html`<ul class="stats">${entries.map(([label, value, href]) => html`<li>${href ? html`<a href="${href}"><strong>${value}</strong> ${label}</a>` : html`<strong>${value}</strong> ${label}`}</li>`)}</ul>`;
}

/** Links to the page's machine-readable twins, shown at the foot of each page. */
export function twins(ctx: RenderContext): Html {
  const base = ctx.path === '/' ? '/index' : ctx.path;
  return html`<p class="twins">This page as data: <a href="${ctx.href(`${base}.json`)}${ctx.search}">JSON</a> · <a href="${ctx.href(`${base}.csv`)}${ctx.search}">CSV</a></p>`;
}

export function section(title: string, id: string, body: Interpolation, intro?: Interpolation): Html {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${intro ? html`<p class="intro">${intro}</p>` : ''}${body}</section>`;
}

/** This page's URL with some query parameters set or removed (undefined removes). */
export function withQuery(ctx: RenderContext, changes: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams(ctx.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') q.delete(k);
    else q.set(k, String(v));
  }
  const s = q.toString();
  return ctx.href(ctx.path) + (s ? `?${s}` : '');
}

/** "Previous / page N of M / Next" links; nothing when everything fits on one page. */
export function pager(ctx: RenderContext, page: number, pages: number, label: string): Html {
  if (pages <= 1) return html``;
  const prev = page > 1 ? html`<a rel="prev" href="${withQuery(ctx, { page: page - 1 === 1 ? undefined : page - 1 })}">← Previous</a>` : html`<span aria-disabled="true">← Previous</span>`;
  const next = page < pages ? html`<a rel="next" href="${withQuery(ctx, { page: page + 1 })}">Next →</a>` : html`<span aria-disabled="true">Next →</span>`;
  return html`<nav class="pager" aria-label="${label}">${prev} <span>Page ${page} of ${pages}</span> ${next}</nav>`;
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled form field: a select when options are given, a text or date input otherwise. */
export function field(name: string, label: string, value: unknown, o: { options?: readonly SelectOption[]; type?: string; placeholder?: string; hint?: string } = {}): Html {
  const id = `f-${name}`;
  const current = value === undefined || value === null ? '' : String(value);
  const hint = o.hint ? html`<small id="${id}-hint">${o.hint}</small>` : '';
  const described = attr('aria-describedby', o.hint && `${id}-hint`);
  const control = o.options
    ? html`<select id="${id}" name="${name}"${described}><option value="">any</option>${o.options.map((opt) => html`<option value="${opt.value}"${attr('selected', opt.value === current && 'selected')}>${opt.label}</option>`)}</select>`
    : html`<input id="${id}" name="${name}" type="${o.type ?? 'text'}" value="${current}"${attr('placeholder', o.placeholder)}${described}>`;
  return html`<div class="field"><label for="${id}">${label}</label>${control}${hint}</div>`;
}

/** A labelled checkbox; checked boxes submit `name=value`. */
export function checkbox(name: string, label: string, checked: boolean, value = 'true'): Html {
  const id = `c-${name}-${value}`;
  return html`<div class="check"><input type="checkbox" id="${id}" name="${name}" value="${value}"${attr('checked', checked && 'checked')}> <label for="${id}">${label}</label></div>`;
}

/** A group of checkboxes sharing one name, in a fieldset with a legend. */
export function checkboxGroup(name: string, legend: string, options: readonly SelectOption[], selected: readonly string[] = []): Html {
  return html`<fieldset class="checks"><legend>${legend}</legend>${options.map((o) => checkbox(name, o.label, selected.includes(o.value), o.value))}</fieldset>`;
}

/**
 * A form the server answers (a query the static export cannot): on the static site it is
 * replaced by a note, since a static host ignores query strings.
 */
export function serverForm(ctx: RenderContext, form: Html): Html {
  if (!ctx.static) return form;
  return html`<p class="note">This is a static copy of the dashboard, showing the default view. To change these options, run <code>aperture serve</code>; the JSON and CSV links below hold the data shown.</p>`;
}
