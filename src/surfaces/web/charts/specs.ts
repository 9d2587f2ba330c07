import * as Plot from '@observablehq/plot';
import { ACCESS_COLORS, ACCESS_ORDER, ACCESS_TEXT, SMALL_SAMPLE, VERDICT_COLORS } from './palette.js';

/**
 * Chart definitions shared by the server (static SVG through jsdom, so pages work without
 * JavaScript) and the browser (redrawn at the container's width, with tooltips). A spec is
 * plain JSON so the page can embed it for the browser.
 */
export type ChartSpec =
  | { kind: 'share-lines'; title: string; y: string; data: { year: number; group: string; share: number; n: number; total: number }[]; colors?: Record<string, string> }
  /**
   * Shares per group and period (year, half or quarter) on a band of every period in range:
   * lines break where a group has no releases, points from fewer than `min` releases are hollow
   * grey and never joined, and a `partial` period (the current one) is marked.
   */
  | { kind: 'period-shares'; title: string; y: string; periods: string[]; min: number; partial?: string; data: { period: string; group: string; share: number; n: number; total: number }[]; colors?: Record<string, string> }
  | { kind: 'stacked-bars'; title: string; y: string; color: 'access' | 'plain'; data: { year: number; key: string; count: number }[] }
  /** Scores over time, one stepped line per series (best open per country; best open vs closed). */
  | { kind: 'score-lines'; title: string; y: string; data: { date: string; series: string; score: number; label: string }[]; colors?: Record<string, string> }
  /** One horizontal bar per label, largest first (a single period's figures by country or lab). */
  | { kind: 'value-bars'; title: string; x: string; data: { label: string; value: number; note: string }[] }
  /** Share of releases with weights per lab and year: a cell per pair, reading open / releases. */
  | { kind: 'share-heatmap'; title: string; labs: string[]; years: string[]; data: { lab: string; year: string; releases: number; open: number; share: number }[] }
  | { kind: 'verdict-timeline'; title: string; said: string; order: string[]; points: { date: string; verdict: string }[] }
  | {
      kind: 'timeline';
      title: string;
      data: { date: string; access: string; name: string }[];
      events: { date: string; title: string }[];
    };

export { ACCESS_ORDER };
const ACCESS_ORDER_LIST: string[] = [...ACCESS_ORDER];
const ACCESS_RANGE: string[] = [...ACCESS_COLORS];

const VERDICT_TEXT: Record<string, string> = { supported: 'supported', 'partly-supported': 'partly supported', contradicted: 'contradicted', 'not-enough-data': 'not enough data' };

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format;
const accessText = (a: string): string => ACCESS_TEXT[ACCESS_ORDER_LIST.indexOf(a)] ?? a;
const day = (s: string) => new Date(`${s.slice(0, 10)}T00:00:00Z`);

/** Colours for series that are not countries (labs, measures), each at least 3:1 on white; countries use countryColor. */
export const PALETTE = ['#1f5fbf', '#c0392b', '#117733', '#7b3fa0', '#b35900', '#0f7c8c', '#a0306e', '#6b5b00', '#2e4a8a', '#5c6166'];

function seriesColor(series: string[], colors?: Record<string, string>): Plot.ScaleOptions {
  if (!colors) return { legend: true, type: 'categorical', domain: series, range: series.map((_, i) => PALETTE[i % PALETTE.length]!) };
  return { legend: true, type: 'categorical', domain: series, range: series.map((s, i) => colors[s] ?? PALETTE[i % PALETTE.length]!) };
}

export interface DrawOptions {
  width: number;
  /** Pointer tooltips; only in the browser. */
  interactive: boolean;
}

export function plotOptions(spec: ChartSpec, o: DrawOptions): Plot.PlotOptions {
  // The title doubles as the SVG's accessible name; the figure around it also has the numbers as a table.
  const base = { width: o.width, marginLeft: 48, marginBottom: 36, className: 'plot', ariaLabel: spec.title } as const;
  switch (spec.kind) {
    case 'share-lines': {
      const data = spec.data;
      const title = (d: (typeof data)[number]) => `${d.group} ${d.year}: ${Math.round(d.share * 100)}% (${d.n} of ${d.total})`;
      return {
        ...base,
        height: 320,
        y: { domain: [0, 1], tickFormat: '.0%', label: spec.y, grid: true },
        // Years are whole numbers: ticks on whole years only, however few there are.
        x: { tickFormat: 'd', label: null, interval: 1 },
        color: seriesColor([...new Set(data.map((d) => d.group))], spec.colors),
        marks: [
          Plot.ruleY([0]),
          Plot.lineY(data, { x: 'year', y: 'share', z: 'group', stroke: 'group', strokeWidth: 2 }),
          Plot.dot(data, { x: 'year', y: 'share', fill: 'group', r: 3, title: o.interactive ? undefined : title }),
          ...(o.interactive ? [Plot.tip(data, Plot.pointer({ x: 'year', y: 'share', title }))] : []),
        ],
      };
    }
    case 'period-shares': {
      const small = (d: { total: number }) => d.total < spec.min;
      const title = (d: (typeof spec.data)[number]) =>
        `${d.group} ${d.period}: ${Math.round(d.share * 100)}% (${d.n} of ${d.total})${small(d) ? `, below the minimum of ${spec.min} releases` : ''}${d.period === spec.partial ? ', period not over' : ''}`;
      const groups = [...new Set(spec.data.map((d) => d.group))];
      // A line only joins adjacent periods that both have enough releases; anything else is a gap.
      const at = new Map(spec.data.map((d) => [`${d.group}|${d.period}`, d]));
      const line = groups.flatMap((g) => spec.periods.map((period) => {
        const d = at.get(`${g}|${period}`);
        return { period, group: g, share: d && !small(d) ? d.share : Number.NaN };
      }));
      // Small samples stay on a thin dashed grey line (still broken at missing periods), beneath the coloured one.
      const faint = groups.flatMap((g) => spec.periods.map((period) => ({ period, group: g, share: at.get(`${g}|${period}`)?.share ?? Number.NaN })));
      const enough = spec.data.filter((d) => !small(d));
      const few = spec.data.filter(small);
      return {
        ...base,
        height: 320,
        y: { domain: [0, 1], tickFormat: '.0%', label: spec.y, grid: true },
        x: { type: 'point', domain: spec.periods, label: null, tickRotate: spec.periods.length > 12 ? -45 : 0 },
        marginBottom: spec.periods.length > 12 ? 56 : 36,
        color: seriesColor(groups, spec.colors),
        marks: [
          Plot.ruleY([0]),
          ...(spec.partial && spec.periods.includes(spec.partial)
            ? [Plot.ruleX([spec.partial], { stroke: '#6e6e6e', strokeDasharray: '4,3' }), Plot.text([spec.partial], { x: (p: string) => p, frameAnchor: 'top', dy: 4, text: () => 'not over', fill: '#57606a', fontSize: 12, textAnchor: 'middle' })]
            : []),
          Plot.lineY(faint, { x: 'period', y: 'share', z: 'group', stroke: SMALL_SAMPLE, strokeWidth: 1, strokeDasharray: '2,3' }),
          Plot.lineY(line, { x: 'period', y: 'share', z: 'group', stroke: 'group', strokeWidth: 2 }),
          Plot.dot(enough, { x: 'period', y: 'share', fill: 'group', r: 3.5, title: o.interactive ? undefined : title }),
          Plot.dot(few, { x: 'period', y: 'share', stroke: SMALL_SAMPLE, fill: 'white', r: 3.5, title: o.interactive ? undefined : title }),
          ...(o.interactive ? [Plot.tip(spec.data, Plot.pointer({ x: 'period', y: 'share', title }))] : []),
        ],
      };
    }
    case 'stacked-bars': {
      const data = spec.data;
      const access = spec.color === 'access';
      const label = (k: string) => (access ? accessText(k) : k);
      const title = (d: (typeof data)[number]) => `${d.year}, ${label(d.key)}: ${d.count}`;
      return {
        ...base,
        height: 300,
        x: { type: 'band', tickFormat: 'd', label: null },
        y: { label: spec.y, grid: true },
        color: access
          ? { legend: true, domain: ACCESS_ORDER_LIST, range: ACCESS_RANGE, tickFormat: accessText }
          : { legend: true, range: PALETTE },
        marks: [
          Plot.barY(data, { x: 'year', y: 'count', fill: 'key', order: access ? ACCESS_ORDER_LIST : undefined, title: o.interactive ? undefined : title, tip: o.interactive ? { format: { x: 'd' } } : undefined }),
          Plot.ruleY([0]),
        ],
      };
    }
    case 'score-lines': {
      const data = spec.data.map((d) => ({ ...d, day: day(d.date) }));
      const title = (d: (typeof data)[number]) => `${d.series}, ${d.date}: ${d.score} (${d.label})`;
      const series = [...new Set(data.map((d) => d.series))];
      return {
        ...base,
        height: 320,
        marginLeft: 56,
        x: { type: 'utc', label: null },
        // Counts in the millions (downloads) would not fit the margin written out in full.
        y: { label: spec.y, grid: true, zero: false, ...(Math.max(...data.map((d) => d.score)) >= 1e5 ? { tickFormat: '~s' } : {}) },
        color: seriesColor(series, spec.colors),
        marks: [
          Plot.line(data, { x: 'day', y: 'score', z: 'series', stroke: 'series', strokeWidth: 2, curve: 'step-after' }),
          Plot.dot(data, { x: 'day', y: 'score', fill: 'series', r: 2.5, title: o.interactive ? undefined : title }),
          ...(o.interactive ? [Plot.tip(data, Plot.pointer({ x: 'day', y: 'score', title }))] : []),
        ],
      };
    }
    case 'value-bars': {
      const data = [...spec.data].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
      const title = (d: (typeof data)[number]) => `${d.label}: ${d.value.toLocaleString('en')} (${d.note})`;
      return {
        ...base,
        height: Math.max(120, 26 * data.length + 50),
        marginLeft: 150,
        marginRight: 64,
        x: { label: spec.x, grid: true, tickFormat: '~s' },
        y: { label: null, domain: data.map((d) => d.label) },
        marks: [
          Plot.barX(data, { x: 'value', y: 'label', fill: PALETTE[0], title: o.interactive ? undefined : title }),
          Plot.text(data, { x: 'value', y: 'label', text: (d: (typeof data)[number]) => compact(d.value), textAnchor: 'start', dx: 4 }),
          Plot.ruleX([0]),
          ...(o.interactive ? [Plot.tip(data, Plot.pointerY({ x: 'value', y: 'label', title }))] : []),
        ],
      };
    }
    case 'share-heatmap': {
      const data = spec.data;
      const title = (d: (typeof data)[number]) => `${d.lab}, ${d.year}: ${d.open} of ${d.releases} with weights`;
      return {
        ...base,
        height: 40 + 26 * spec.labs.length,
        marginLeft: 170,
        marginBottom: 30,
        x: { domain: spec.years, label: null, axis: 'top' },
        y: { domain: spec.labs, label: null },
        // No colour legend: Plot draws continuous legends on a canvas, which the server (jsdom) lacks; each cell reads open/releases.
        color: { type: 'linear', domain: [0, 1], range: ['#f2f0f7', '#0b6e4f'] },
        marks: [
          Plot.cell(data, { x: 'year', y: 'lab', fill: 'share', inset: 1, title: o.interactive ? undefined : title }),
          Plot.text(data, { x: 'year', y: 'lab', text: (d: (typeof data)[number]) => `${d.open}/${d.releases}`, fill: (d: (typeof data)[number]) => (d.share > 0.55 ? 'white' : 'black'), fontSize: 12 }),
          ...(o.interactive ? [Plot.tip(data, Plot.pointer({ x: 'year', y: 'lab', title }))] : []),
        ],
      };
    }
    case 'verdict-timeline': {
      const points = spec.points.map((p) => ({ ...p, day: day(p.date) }));
      const title = (p: (typeof points)[number]) => `${p.date}: ${VERDICT_TEXT[p.verdict] ?? p.verdict}`;
      return {
        ...base,
        height: 150,
        marginLeft: 110,
        x: { type: 'utc', label: null },
        y: { domain: spec.order, tickFormat: (v: string) => VERDICT_TEXT[v] ?? v, label: null },
        color: { domain: spec.order, range: [...VERDICT_COLORS] },
        marks: [
          Plot.ruleX([day(spec.said)], { stroke: '#333', strokeDasharray: '4,3' }),
          Plot.line(points, { x: 'day', y: 'verdict', stroke: '#8c8c8c', curve: 'step-after' }),
          Plot.dot(points, { x: 'day', y: 'verdict', fill: 'verdict', r: 5, title: o.interactive ? undefined : title }),
          ...(o.interactive ? [Plot.tip(points, Plot.pointer({ x: 'day', y: 'verdict', title }))] : []),
        ],
      };
    }
    case 'timeline': {
      const data = spec.data.map((d) => ({ ...d, day: day(d.date) }));
      const events = spec.events.map((e) => ({ ...e, day: day(e.date) }));
      const title = (d: (typeof data)[number]) => `${d.name} (${d.date}): ${accessText(d.access)}`;
      return {
        ...base,
        height: 260,
        marginLeft: 100,
        y: { domain: ACCESS_ORDER_LIST, tickFormat: accessText, label: null },
        x: { type: 'utc', label: null },
        color: { domain: ACCESS_ORDER_LIST, range: ACCESS_RANGE },
        marks: [
          Plot.ruleX(events, { x: 'day', stroke: '#767676', strokeDasharray: '3,3', title: (e: (typeof events)[number]) => `${e.date}: ${e.title}` }),
          Plot.dot(data, { x: 'day', y: 'access', fill: 'access', r: 4, title: o.interactive ? undefined : title }),
          ...(o.interactive ? [Plot.tip(data, Plot.pointer({ x: 'day', y: 'access', title }))] : []),
        ],
      };
    }
  }
}

/** Plot puts `<style>` elements and style attributes in its output; the stylesheet has the same rules,
 * and the Content-Security-Policy forbids inline styles, so they are taken out before insertion. */
export function stripInlineStyles(root: Element): void {
  root.querySelectorAll('style').forEach((s) => s.remove());
  root.removeAttribute('style');
  root.querySelectorAll('[style]').forEach((e) => e.removeAttribute('style'));
  // Plot writes its 10 px default as attributes; chart text is 12 px at least, for legibility.
  for (const e of [root, ...Array.from(root.querySelectorAll('[font-size]'))]) {
    const size = Number.parseFloat(e.getAttribute('font-size') ?? '');
    if (size < MIN_FONT_PX) e.setAttribute('font-size', String(MIN_FONT_PX));
  }
}

export const MIN_FONT_PX = 12;
