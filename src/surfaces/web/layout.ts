import { attr, html, type Html } from './html.js';
import type { RenderContext } from './page.js';

export interface NavItem {
  path: string;
  label: string;
}

export interface Assets {
  /** Site paths of the stylesheet and (when the client bundle was built) the script. */
  css: string;
  js?: string;
}

export interface LayoutOptions {
  title: string;
  body: Html;
  ctx: RenderContext;
  nav: readonly NavItem[];
  assets: Assets;
  /** Site path of the JSON twin, for `<link rel="alternate">`. */
  json?: string;
  status?: number;
}

const isCurrent = (item: NavItem, path: string) => (item.path === '/' ? path === '/' : path === item.path || path.startsWith(`${item.path}/`));

/**
 * The page shell: a skip link, banner with navigation, one main landmark, a footer. Works
 * without JavaScript; the script only enhances charts and tables.
 */
export function layout(o: LayoutOptions): string {
  const { ctx } = o;
  const nav = o.nav.map(
    (item) => html`<li><a href="${ctx.href(item.path)}"${attr('aria-current', isCurrent(item, ctx.path) && 'page')}>${item.label}</a></li>`,
  );
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · Aperture</title>
<meta name="description" content="Aperture, an observatory of AI model openness: sourced facts, openness rubrics and analytics.">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ctx.href(o.assets.css)}">
${o.json ? html`<link rel="alternate" type="application/json" href="${ctx.href(o.json)}${ctx.search}">` : ''}
${o.assets.js ? html`<script type="module" src="${ctx.href(o.assets.js)}"></script>` : ''}
</head>
<body${attr('data-static', ctx.static && 'true')}${attr('data-base', ctx.href('/'))}>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="${ctx.href('/')}"><span aria-hidden="true">◐</span> Aperture</a>
<nav aria-label="Main"><ul>${nav}</ul></nav>
</header>
<main id="main" tabindex="-1">
${o.body}
</main>
<footer class="site">
<p>Aperture: an observatory of AI model openness. Every fact cites a source; what no source says is shown as unknown, never as closed. <a href="${ctx.href('/glossary')}">Glossary</a></p>
</footer>
</body>
</html>
`;
  return doc.value;
}
