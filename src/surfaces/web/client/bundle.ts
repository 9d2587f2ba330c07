import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../../lib/paths.js';

// The browser script is bundled from the TypeScript sources, also when the server runs compiled.
const WEB_DIR = path.join(PACKAGE_ROOT, 'src', 'surfaces', 'web');
const ENTRY = path.join(WEB_DIR, 'client', 'main.ts');
/** Where `serve` and `export-site` look for the browser script (gitignored, like the database). */
export const DEFAULT_CLIENT_DIR = path.join(PACKAGE_ROOT, '.aperture', 'web');

function newestSource(): number {
  let newest = 0;
  for (const dir of ['client', 'charts']) {
    for (const f of readdirSync(path.join(WEB_DIR, dir))) newest = Math.max(newest, statSync(path.join(WEB_DIR, dir, f)).mtimeMs);
  }
  return newest;
}

export interface BundleResult {
  /** The folder holding app.js, or undefined when there is no bundle (pages then have no script). */
  dir?: string;
  built: boolean;
  /** Why there is no bundle, for a one-line notice. */
  problem?: string;
}

/**
 * Builds the browser script with vite when its sources changed since the last build. Written
 * to a temporary folder renamed into place, so concurrent builds (parallel tests) never serve
 * half a file. Vite is a development dependency: without it the dashboard works, minus charts'
 * tooltips and resizing.
 */
export async function ensureClientBundle(outDir: string = DEFAULT_CLIENT_DIR, opts: { force?: boolean } = {}): Promise<BundleResult> {
  const target = path.join(outDir, 'app.js');
  if (!opts.force && existsSync(target) && statSync(target).mtimeMs >= newestSource()) return { dir: outDir, built: false };
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    return existsSync(target) ? { dir: outDir, built: false } : { built: false, problem: 'vite is not installed, so pages are served without their script' };
  }
  const tmp = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await vite.build({
      configFile: false,
      root: WEB_DIR,
      logLevel: 'error',
      publicDir: false,
      mode: 'production',
      build: {
        outDir: tmp,
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        sourcemap: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        rolldownOptions: { input: ENTRY, output: { entryFileNames: 'app.js', format: 'es' } },
      },
    });
    await mkdir(path.dirname(outDir), { recursive: true });
    await rm(`${outDir}.old-${process.pid}`, { recursive: true, force: true });
    if (existsSync(outDir)) await rename(outDir, `${outDir}.old-${process.pid}`).catch(() => undefined);
    await rename(tmp, outDir).catch(async () => {
      // Another process renamed its fresh build into place first; theirs is as good as ours.
    });
    await rm(`${outDir}.old-${process.pid}`, { recursive: true, force: true });
    return { dir: outDir, built: true };
  } catch (error) {
    // The pages work without their script; a failed build must not keep the dashboard down.
    const why = `the browser script failed to build (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    return existsSync(target) ? { dir: outDir, built: false, problem: `${why}; serving the previous one` } : { built: false, problem: `${why}; pages are served without it` };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
