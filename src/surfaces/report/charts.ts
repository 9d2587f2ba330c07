import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { PALETTE } from '../web/charts/specs.js';

/**
 * Charts of the report, drawn on the server with Observable Plot into a jsdom document and kept
 * as SVG text, so the report needs no script and no server to show them. Legends are drawn as
 * labels inside the SVG (Plot's HTML legends would not survive as a standalone .svg file).
 */
const WIDTH = 720;
const HEIGHT = 320;

let document: Document | undefined;
function doc(): Document {
  document ??= new JSDOM('<!DOCTYPE html><html><body></body></html>').window.document;
  return document;
}

function svgOf(node: Element, title: string): string {
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error('chart: Plot returned no svg');
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  return svg.outerHTML;
}

const empty = (title: string, note: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(title)}" width="${WIDTH}" height="60" viewBox="0 0 ${WIDTH} 60"><text x="10" y="35" font-family="system-ui, sans-serif" font-size="13" fill="#555">${escapeXml(note)}</text></svg>`;

export interface SeriesPoint {
  date: Date;
  value: number;
  series: string;
}

/** Lines per series over time, each labelled at its last point. */
export function lineChart(points: SeriesPoint[], o: { title: string; y: string; percent?: boolean; empty: string; step?: boolean; color?: (series: string) => string }): string {
  if (points.length === 0) return empty(o.title, o.empty);
  const series = [...new Set(points.map((p) => p.series))];
  // The dashboard's palette (countries, open/closed), so a country has one colour in the report too.
  const colorOf = o.color ?? ((s: string) => PALETTE[series.indexOf(s) % PALETTE.length]!);
  const node = Plot.plot({
    document: doc(),
    width: WIDTH,
    height: HEIGHT,
    marginRight: 110,
    style: { fontFamily: 'system-ui, sans-serif', fontSize: '12px' },
    y: { label: o.y, grid: true, ...(o.percent ? { percent: true, domain: [0, 100] } : {}) },
    x: { label: null },
    color: { type: 'categorical', domain: series, range: series.map(colorOf) },
    marks: [
      Plot.line(points, { x: 'date', y: 'value', stroke: 'series', curve: o.step ? 'step-after' : 'linear', strokeWidth: 1.8 }),
      Plot.dot(points, { x: 'date', y: 'value', fill: 'series', r: 2 }),
      Plot.text(points, Plot.selectLast({ x: 'date', y: 'value', z: 'series', text: 'series', fill: 'series', textAnchor: 'start', dx: 6 })),
    ],
  });
  return svgOf(node as unknown as Element, o.title);
}

export interface Bar {
  label: string;
  value: number;
}

/** Horizontal bars, largest first, each labelled with its value. */
export function barChart(bars: Bar[], o: { title: string; x: string; empty: string; compact?: boolean }): string {
  if (bars.length === 0) return empty(o.title, o.empty);
  const sorted = [...bars].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const format = o.compact ? new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format : String;
  const node = Plot.plot({
    document: doc(),
    width: WIDTH,
    height: Math.max(120, 24 * sorted.length + 50),
    marginLeft: 150,
    marginRight: 70,
    style: { fontFamily: 'system-ui, sans-serif', fontSize: '12px' },
    x: { label: o.x, grid: true, ...(o.compact ? { tickFormat: '~s' } : {}) },
    y: { label: null, domain: sorted.map((b) => b.label) },
    marks: [
      Plot.barX(sorted, { x: 'value', y: 'label', fill: PALETTE[0] }),
      Plot.text(sorted, { x: 'value', y: 'label', text: (b: Bar) => format(b.value), textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
    ],
  });
  return svgOf(node as unknown as Element, o.title);
}

export interface Cell {
  x: string;
  y: string;
  value: number;
  label: string;
}

/** A grid of shares (e.g. labs by year), shaded by value and labelled with counts. */
export function heatmap(cells: Cell[], o: { title: string; empty: string; yOrder: string[] }): string {
  if (cells.length === 0) return empty(o.title, o.empty);
  const node = Plot.plot({
    document: doc(),
    width: WIDTH,
    height: Math.max(160, 26 * o.yOrder.length + 50),
    marginLeft: 170,
    style: { fontFamily: 'system-ui, sans-serif', fontSize: '12px' },
    x: { label: null, type: 'band' },
    y: { label: null, domain: o.yOrder },
    color: { type: 'linear', domain: [0, 1], range: ['#f4e3d7', '#2b7a78'] },
    marks: [
      Plot.cell(cells, { x: 'x', y: 'y', fill: 'value', inset: 1 }),
      Plot.text(cells, { x: 'x', y: 'y', text: 'label', fill: (d: Cell) => (d.value > 0.55 ? 'white' : 'black') }),
    ],
  });
  return svgOf(node as unknown as Element, o.title);
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
