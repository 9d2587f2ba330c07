import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchErrors, type Browser } from './browser.js';
import { dashboardInBrowser, type DashboardInBrowser } from './dashboard-site.js';

/** Screenshots of the pages a reader checks a headline on, at a laptop and a phone width, as test artifacts. */
const OUT = path.resolve('test-results', 'screenshots', 'journalist');
const PAGES: [string, string][] = [
  ['overview', '/'],
  ['country', '/countries/US'],
  ['signals', '/signals'],
  ['trends', '/trends?by=country'],
  ['release', '/releases/llama-3.1-405b-instruct'],
];
const WIDTHS = [1366, 390];

let dashboard: DashboardInBrowser;
let browser: Browser;
let base: string;

beforeAll(async () => {
  dashboard = await dashboardInBrowser();
  ({ browser, base } = dashboard);
  await mkdir(OUT, { recursive: true });
});
afterAll(() => dashboard?.close());

describe('screenshots at 1366 and 390 px', () => {
  for (const [name, url] of PAGES) {
    for (const width of WIDTHS) {
      it(`${url} at ${width} px renders without errors, charts redrawn, no wider than the screen`, async () => {
        const page = await browser.context.newPage();
        const errors = watchErrors(page);
        try {
          await page.setViewportSize({ width, height: 900 });
          const response = await page.goto(base + url, { waitUntil: 'load' });
          expect(response?.status()).toBe(200);
          await page.waitForFunction(() => document.documentElement.dataset.enhanced === 'true', null, { timeout: 10_000 });
          // Chart text is 12 px at least once the browser has redrawn the charts.
          const small = await page.evaluate(() => Array.from(document.querySelectorAll('svg.plot text')).filter((t) => Number.parseFloat(getComputedStyle(t).fontSize) < 12).length);
          expect(small).toBe(0);
          // The page itself does not scroll sideways (tables may, inside their own region).
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow).toBeLessThanOrEqual(1);
          await page.screenshot({ path: path.join(OUT, `${name}-${width}.png`), fullPage: true });
          expect(errors).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
