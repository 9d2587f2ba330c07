import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSite } from '../../src/surfaces/export/export-site.js';
import { ensureClientBundle } from '../../src/surfaces/web/client/bundle.js';
import { PAGES } from '../../src/surfaces/web/pages/index.js';
import { testSite, type TestSite } from '../server/helpers.js';
import { launch, watchErrors, type Browser } from './browser.js';
import { serveStatic } from './static-server.js';

let site: TestSite;
let tmp: string;
let host: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'aperture-static-'));
  const bundle = await ensureClientBundle(path.join(tmp, 'web'), { force: true });
  site = await testSite({ fixture: 'analytics', static: true, clientDir: bundle.dir });
  const out = path.join(tmp, 'site');
  await exportSite({ app: site.app, db: site.db, pages: PAGES.filter((p) => ['overview', 'releases', 'release', 'choose'].includes(p.name)), outDir: out });
  host = await serveStatic(out);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await site?.close();
  await rm(tmp, { recursive: true, force: true });
});

async function open(url: string) {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(host.url + url);
  await page.waitForFunction(() => document.documentElement.dataset.enhanced === 'true', null, { timeout: 10_000 });
  return { page, errors };
}

const visibleCells = (page: import('playwright-core').Page, column: number) =>
  page.locator(`#releases-table tbody tr:not([hidden]) td:nth-child(${column})`).allInnerTexts();

describe('the static export in Chromium', () => {
  it('filters the releases table from the query string, with no server', async () => {
    const { page, errors } = await open('/releases/?country=CN&type=instruct');
    try {
      const countries = await visibleCells(page, 4);
      expect(countries.length).toBeGreaterThan(0);
      expect(countries.every((c) => c.includes('(CN)'))).toBe(true);
      expect(await page.locator('#result-count').innerText()).toMatch(/^Showing \d+ of \d+ releases\.$/);
      expect(await page.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('CN');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('filters with the form and sorts with the column headers', async () => {
    const { page, errors } = await open('/releases/');
    try {
      const all = await page.locator('#releases-table tbody tr').count();
      await page.getByRole('combobox', { name: 'Access' }).selectOption('api');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/access=api/);
      await page.waitForFunction(() => document.documentElement.dataset.enhanced === 'true');
      const shown = await page.locator('#releases-table tbody tr:not([hidden])').count();
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(all);
      await page.goto(`${host.url}/releases/?sort=name&order=asc`);
      await page.waitForFunction(() => document.documentElement.dataset.enhanced === 'true');
      const names = await visibleCells(page, 2);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('says that the chooser needs the server instead of showing a form that does nothing', async () => {
    const { page, errors } = await open('/choose/');
    try {
      expect(await page.locator('form.chooser').count()).toBe(0);
      expect(await page.locator('.note').innerText()).toContain('aperture serve');
      expect(await page.locator('#candidates-table tbody tr').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
