import { html } from '../html.js';
import { layout, type Assets, type NavItem } from '../layout.js';
import type { RenderContext } from '../page.js';

const TITLES: Record<number, string> = { 400: 'Bad request', 404: 'Not found', 405: 'Not allowed', 500: 'Something went wrong' };

/** The HTML face of an error: the same status, message and details as the API's error body. */
export function errorPage(status: number, message: string, errors: readonly { path: string; message: string }[], ctx: RenderContext, site: { nav: readonly NavItem[]; assets: Assets }): string {
  const title = TITLES[status] ?? `Error ${status}`;
  const body = html`<h1>${title}</h1>
<p class="error-message" role="alert">${message}</p>
${errors.length ? html`<ul class="error-list">${errors.map((e) => html`<li><code>${e.path}</code>: ${e.message}</li>`)}</ul>` : ''}
<p><a href="${ctx.href('/')}">Back to the overview</a></p>`;
  return layout({ title, body, ctx, nav: site.nav, assets: site.assets, status });
}
