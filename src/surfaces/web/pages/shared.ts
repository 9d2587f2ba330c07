import { extLink } from '../format.js';
import { html, type Html } from '../html.js';
import type { RenderContext } from '../page.js';

/** The sources a record cites: publisher, title, link and access date. */
export function sourceList(sources: readonly Record<string, unknown>[], ctx: RenderContext): Html {
  if (sources.length === 0) return html`<p>No source is cited.</p>`;
  return html`<ul class="sources">${sources.map(
    (s) => html`<li><a href="${ctx.href(`/sources/${s.id}`)}">${String(s.publisher ?? s.id)}</a>: ${extLink(s.url, String(s.title ?? s.url))} <span class="accessed">(accessed ${String(s.accessed ?? '')})</span></li>`,
  )}</ul>`;
}

/** A dated list of events. */
export function eventList(events: readonly Record<string, unknown>[]): Html {
  if (events.length === 0) return html`<p>No events recorded.</p>`;
  return html`<ol class="events">${events.map((e) => html`<li><time datetime="${String(e.date)}">${String(e.date)}</time> <span class="kind">${String(e.kind ?? '')}</span> ${String(e.title)}</li>`)}</ol>`;
}
