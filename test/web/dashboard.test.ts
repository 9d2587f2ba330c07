import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, watchErrors, type Browser } from './browser.js';
import { dashboardInBrowser, type DashboardInBrowser } from './dashboard-site.js';

const SCREENSHOTS = path.resolve('test-results', 'screenshots');
const MARKUP_NAME = '<script>window.__pwned = true</script> Markup 7B "quoted" & <img src=x onerror=alert(1)>';

let dashboard: DashboardInBrowser;
let browser: Browser;
let base: string;

beforeAll(async () => {
  dashboard = await dashboardInBrowser();
  ({ browser, base } = dashboard);
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(() => dashboard?.close());

const PAGES = [
  '/', '/releases', '/releases/llama-3.1-405b-instruct', '/releases/markup-7b', '/labs', '/labs/meta', '/countries', '/countries/US',
  '/licenses', '/licenses/LicenseRef-llama', '/claims', '/claims/best-open-chinese', '/best-open', '/gap', '/adoption', '/choose',
  '/conflicts', '/quality', '/sources', '/sources/markup-source',
];

async function open(url: string) {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const response = await page.goto(base + url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.enhanced === 'true', null, { timeout: 10_000 });
  return { page, errors, response };
}

describe('every page in Chromium', () => {
  for (const url of PAGES) {
    it(`${url} loads with its script and no console errors`, async () => {
      const { page, errors, response } = await open(url);
      try {
        expect(response?.status()).toBe(200);
        expect(await page.locator('main h1').count()).toBe(1);
        expect(await page.locator('header nav[aria-label="Main"]').count()).toBe(1);
        // Valid structure for assistive technology: unique ids, a label for every control.
        const problems = await page.evaluate(() => {
          const ids = Array.from(document.querySelectorAll('[id]')).map((e) => e.id);
          const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
          const unlabelled = Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
            .filter((el) => !(el as HTMLInputElement).labels?.length)
            .map((el) => (el as HTMLInputElement).name);
          return { duplicates, unlabelled };
        });
        expect(problems).toEqual({ duplicates: [], unlabelled: [] });
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe('charts', () => {
  it('are redrawn by the browser as SVG with marks', async () => {
    const { page, errors } = await open('/');
    try {
      const figures = page.locator('figure[data-chart]');
      expect(await figures.count()).toBe(4);
      expect(await page.locator('figure[data-chart][data-enhanced="true"]').count()).toBe(4);
      for (const chart of ['best-open-by-country', 'overview-gap']) {
        expect(await page.locator(`figure[data-chart="${chart}"] svg.plot [aria-label="line"] path`).count(), chart).toBeGreaterThan(0);
      }
      expect(await page.locator('figure[data-chart="share-by-country"] svg.plot [aria-label="line"] path').count()).toBeGreaterThan(0);
      expect(await page.locator('figure[data-chart="share-by-country"] svg.plot [aria-label="dot"] circle').count()).toBeGreaterThan(0);
      expect(await page.locator('figure[data-chart="access-by-year"] svg.plot [aria-label="bar"] rect').count()).toBeGreaterThan(0);
      // Tooltips appear on hover in the enhanced chart: hover the tallest bar.
      const bars = page.locator('figure[data-chart="access-by-year"] svg.plot [aria-label="bar"] rect');
      const heights = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('height'))));
      await bars.nth(heights.indexOf(Math.max(...heights))).hover();
      await page.waitForSelector('figure[data-chart="access-by-year"] [aria-label="tip"] text', { state: 'attached', timeout: 5000 });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('draws the quality page\'s labs as bars in the browser', async () => {
    const { page, errors } = await open('/quality');
    try {
      expect(await page.locator('figure[data-chart="quality-labs"][data-enhanced="true"]').count()).toBe(1);
      expect(await page.locator('figure[data-chart="quality-labs"] svg.plot [aria-label="bar"] rect').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('are drawn by the server when JavaScript is off', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const page = await noJs.context.newPage();
      await page.goto(`${base}/labs/meta`);
      expect(await page.locator('figure[data-chart="lab-timeline"] svg.plot [aria-label="dot"] circle').count()).toBeGreaterThan(0);
      expect(await page.locator('figure[data-chart]').first().getAttribute('data-enhanced')).toBeNull();
    } finally {
      await noJs.close();
    }
  });
});

describe('the releases table', () => {
  it('filters with the form', async () => {
    const { page, errors } = await open('/releases');
    try {
      await page.getByRole('combobox', { name: 'Country' }).selectOption('FR');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/country=FR/);
      const countries = await page.locator('#releases-table tbody tr td:nth-child(4)').allInnerTexts();
      expect(countries.length).toBeGreaterThan(0);
      expect(countries.every((c) => c.includes('(FR)'))).toBe(true);
      expect(await page.locator('#result-count').innerText()).toContain(`of ${countries.length} release`);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('narrows with a facet and sorts by a column header, both ways', async () => {
    const { page, errors } = await open('/releases');
    try {
      await page.locator('.facets a', { hasText: 'instruct' }).click();
      await page.waitForURL(/type=instruct/);
      expect(await page.locator('#releases-table tbody tr').count()).toBeGreaterThan(0);
      await page.goto(`${base}/releases`);
      await page.locator('#releases-table th[data-sort="name"] a').click();
      await page.waitForURL(/sort=name/);
      const asc = await page.locator('#releases-table tbody tr td:nth-child(2) a').allInnerTexts();
      expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b)));
      expect(await page.locator('#releases-table th[data-sort="name"]').getAttribute('aria-sort')).toBe('ascending');
      await page.locator('#releases-table th[data-sort="name"] a').click();
      await page.waitForURL(/order=desc/);
      const desc = await page.locator('#releases-table tbody tr td:nth-child(2) a').allInnerTexts();
      expect(desc).toEqual([...asc].reverse());
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the chooser', () => {
  it('returns candidates that meet the constraints ticked in the form', async () => {
    const { page, errors } = await open('/choose');
    try {
      const before = await page.locator('#candidates-table tbody tr').count();
      expect(before).toBeGreaterThan(0);
      await page.getByLabel('Commercial use allowed').check();
      await page.getByLabel('No user or revenue cap').check();
      await page.getByRole('checkbox', { name: 'instruct' }).check();
      await page.getByRole('checkbox', { name: 'reasoning' }).check();
      await page.getByRole('button', { name: 'Choose' }).click();
      await page.waitForURL(/license_allows=commercial/);
      expect(page.url()).toContain('type=instruct&type=reasoning');
      const rows = page.locator('#candidates-table tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await page.getByLabel('Commercial use allowed').isChecked()).toBe(true);
      expect(await page.locator('#match-count').innerText()).toMatch(/^\d+ releases? match/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('markup in the data', () => {
  it('a release named <script> renders as text and runs nothing', async () => {
    const { page, errors } = await open('/releases/markup-7b');
    try {
      expect(await page.locator('main h1').innerText()).toBe(MARKUP_NAME);
      expect(await page.title()).toContain('<script>');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      await page.goto(`${base}/releases?q=markup`);
      expect(await page.locator('#releases-table tbody tr td:nth-child(2) a').first().innerText()).toBe(MARKUP_NAME);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('accessibility and layout', () => {
  it('starts with a skip link that moves focus to the main content', async () => {
    const { page } = await open('/releases');
    try {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => location.hash)).toBe('#main');
      // Every form control has a label.
      const unlabelled = await page.evaluate(() =>
        Array.from(document.querySelectorAll('input:not([type=hidden]), select')).filter((el) => !(el as HTMLInputElement).labels?.length).length,
      );
      expect(unlabelled).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('fits a phone screen without sideways scrolling of the page', async () => {
    for (const url of ['/', '/releases', '/releases/llama-3.1-405b-instruct', '/labs/meta', '/licenses', '/claims/best-open-chinese', '/gap', '/choose']) {
      const { page } = await open(url);
      try {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(300);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, url).toBeLessThanOrEqual(0);
      } finally {
        await page.close();
      }
    }
  });
});

describe('screenshots', () => {
  const shots: [string, string][] = [
    ['overview', '/'], ['releases', '/releases'], ['release', '/releases/llama-3.1-405b-instruct'], ['labs', '/labs'], ['lab', '/labs/meta'],
    ['countries', '/countries'], ['licenses', '/licenses'], ['license', '/licenses/LicenseRef-llama'], ['claims', '/claims'],
    ['claim', '/claims/best-open-chinese'], ['best-open', '/best-open'], ['gap', '/gap'], ['adoption', '/adoption'], ['chooser', '/choose'],
    ['conflicts', '/conflicts'], ['quality', '/quality'], ['sources', '/sources'],
  ];
  it('are written for the main pages, on a laptop and a phone', async () => {
    for (const [name, url] of shots) {
      const { page } = await open(url);
      try {
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-laptop.png`), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(250);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
      } finally {
        await page.close();
      }
    }
    expect(existsSync(path.join(SCREENSHOTS, 'overview-laptop.png'))).toBe(true);
  });
});
