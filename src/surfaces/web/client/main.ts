/**
 * Browser enhancements; every page works without them. Charts are redrawn at the width of
 * their container with tooltips; on a static export, where no server reads query strings,
 * the releases table is filtered and sorted here from the URL.
 */
import * as Plot from '@observablehq/plot';
import { plotOptions, stripInlineStyles, type ChartSpec } from '../charts/specs.js';
import { applyStaticTable } from './static-table.js';

function drawChart(fig: HTMLElement): void {
  const id = fig.dataset.chart;
  const body = fig.querySelector<HTMLElement>('.chart-body');
  const script = id ? document.getElementById(`${id}-spec`) : null;
  if (!body || !script?.textContent) return;
  const width = Math.max(280, Math.floor(body.clientWidth));
  if (fig.dataset.width === String(width)) return;
  const spec = JSON.parse(script.textContent) as ChartSpec;
  const el = Plot.plot(plotOptions(spec, { width, interactive: true })) as unknown as HTMLElement;
  stripInlineStyles(el);
  body.replaceChildren(el);
  fig.dataset.width = String(width);
  fig.dataset.enhanced = 'true';
}

function drawCharts(): void {
  document.querySelectorAll<HTMLElement>('figure[data-chart]').forEach((fig) => {
    try {
      drawChart(fig);
    } catch (error) {
      // The server-drawn chart stays in place; say why in the console for whoever debugs it.
      console.warn('chart enhancement failed', error);
    }
  });
}

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(drawCharts, 200);
});

drawCharts();
if (document.body.dataset.static === 'true') applyStaticTable();
document.documentElement.dataset.enhanced = 'true';
