import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listen } from '../../src/surfaces/server/listen.js';
import { ensureClientBundle } from '../../src/surfaces/web/client/bundle.js';
import { testSite } from '../server/helpers.js';
import { CHROMIUM, launch, type Browser } from './browser.js';

export interface DashboardInBrowser {
  /** The server's address, without a trailing slash. */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The dashboard over the analytics fixture as a browser sees it: the client bundle built fresh,
 * the server listening on 127.0.0.1 and headless Chromium. Each browser test file starts one.
 */
export async function dashboardInBrowser(): Promise<DashboardInBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install the chromium package (.ci/run does)`);
  const bundleDir = await mkdtemp(path.join(tmpdir(), 'aperture-bundle-'));
  const bundle = await ensureClientBundle(path.join(bundleDir, 'web'), { force: true });
  if (!bundle.dir) throw new Error(`the client bundle was not built: ${bundle.problem}`);
  const site = await testSite({ clientDir: bundle.dir, fixture: 'analytics' });
  const base = (await listen(site.app, { port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
  const browser = await launch();
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await site.close();
      await rm(bundleDir, { recursive: true, force: true });
    },
  };
}
