import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { ByteCache } from '../../../lib/byte-cache.js';
import { html, jsonScript, raw, type Html } from '../html.js';
import { plotOptions, stripInlineStyles, type ChartSpec } from './specs.js';

// One jsdom document for the process: creating one costs ~200 ms, drawing a chart ~20 ms.
let doc: Document | undefined;
const document = () => (doc ??= new JSDOM('<!doctype html><html><body></body></html>').window.document);

export const SERVER_WIDTH = 720;

// Drawn charts by spec: the same chart appears on several pages and query variants of a page
// (and again when a page's response was evicted); bounded in bytes like the server's caches.
const drawn = new ByteCache<string>(16 * 2 ** 20, (svg) => svg.length * 2);

/** The chart as SVG markup, drawn on the server so the page shows it without JavaScript. */
export function chartSvg(spec: ChartSpec): string {
  const key = JSON.stringify(spec);
  let svg = drawn.get(key);
  if (svg === undefined) drawn.set(key, (svg = drawChart(spec)));
  return svg;
}

function drawChart(spec: ChartSpec): string {
  const el = Plot.plot({ ...plotOptions(spec, { width: SERVER_WIDTH, interactive: false }), document: document() });
  stripInlineStyles(el);
  return el.outerHTML;
}

/**
 * A chart as a figure: caption, server-drawn SVG, the spec for the browser to redraw it,
 * and the numbers as a table for screen readers and anyone who prefers to read.
 */
export function chartFigure(id: string, spec: ChartSpec, dataTable: Html): Html {
  return html`<figure class="chart" data-chart="${id}" aria-labelledby="${id}-caption">
<figcaption id="${id}-caption">${spec.title}</figcaption>
<div class="chart-body">${raw(chartSvg(spec))}</div>
${jsonScript(`${id}-spec`, spec)}
<details><summary>The numbers behind this chart</summary>${dataTable}</details>
</figure>`;
}
