import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.js';
import type { Page } from '../web/page.js';
import { twinBase } from '../server/routes.js';

/** Left in every export, so a later export may replace the folder and nothing else. */
export const MARKER = '.aperture-export';

/** Lists on a static site hold every row: there is no server to fetch the next page. */
const ALL_ROWS: Record<string, string> = { releases: '?size=10000', sources: '?size=10000' };

export interface ExportOptions {
  app: FastifyInstance;
  db: Db;
  pages: readonly Page[];
  outDir: string;
  onProgress?: (done: number, total: number) => void;
}

/** Where a URL's response goes: pages become `dir/index.html` so `/releases` works on any host. */
export function fileFor(url: string): string {
  const p = url.split('?')[0]!;
  if (/\.(json|csv|js|css)$/.test(p) || p === '/404.html') return p.slice(1);
  return path.posix.join(p.slice(1), 'index.html');
}

async function urlsOf(db: Db, pages: readonly Page[]): Promise<string[]> {
  const urls: string[] = [];
  for (const page of pages) {
    if (page.path.includes('/:id')) {
      for (const id of (await page.ids?.(db)) ?? []) {
        const p = page.path.replace(':id', encodeURIComponent(id));
        urls.push(p, `${p}.json`, `${p}.csv`);
      }
    } else {
      const all = ALL_ROWS[page.name] ?? '';
      const base = twinBase(page.path);
      urls.push(`${page.path}${all}`, `${base}.json${all}`, `${base}.csv`);
    }
  }
  return [...urls, '/openapi.json'];
}

/**
 * Writes the whole dashboard as static files by asking the server's own routes (through
 * `inject`, no port), into a temporary folder that replaces `outDir` only when complete.
 * Any response other than 200 fails the export: a published site must not hold error pages.
 */
export async function exportSite(o: ExportOptions): Promise<{ files: number; outDir: string }> {
  const outDir = path.resolve(o.outDir);
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !existsSync(path.join(outDir, MARKER))) {
    throw new Error(`${outDir} is not empty and was not written by export-site; choose an empty or new folder`);
  }
  const tmp = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  try {
    const urls = await urlsOf(o.db, o.pages);
    let done = 0;
    const write = async (file: string, body: string | Buffer) => {
      const target = path.join(tmp, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, body);
    };
    const assets = new Set<string>();
    for (const url of urls) {
      const res = await o.app.inject({ method: 'GET', url, headers: { accept: url.match(/\.(json|csv)(\?|$)/) ? '*/*' : 'text/html' } });
      if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
      if (String(res.headers['content-type']).startsWith('text/html')) {
        // Our own content-named assets only (under any base path), not external links that happen to contain /assets/.
        for (const m of res.body.matchAll(/(?:href|src)="\/(?:[^":]*\/)?(assets\/app\.[0-9a-f]+\.(?:css|js))"/g)) assets.add(`/${m[1]!}`);
      }
      await write(fileFor(url), res.rawPayload);
      o.onProgress?.(++done, urls.length);
    }
    for (const asset of assets) {
      const res = await o.app.inject({ method: 'GET', url: asset });
      if (res.statusCode !== 200) throw new Error(`GET ${asset} answered ${res.statusCode}`);
      await write(asset.slice(1), res.rawPayload);
    }
    // Static hosts (GitHub Pages, Netlify, S3 websites) answer unknown paths with /404.html.
    const missing = await o.app.inject({ method: 'GET', url: '/404.html', headers: { accept: 'text/html' } });
    await write('404.html', missing.rawPayload);
    await write(MARKER, 'written by `aperture export-site`; the next export replaces this folder\n');
    await rm(outDir, { recursive: true, force: true });
    await mkdir(path.dirname(outDir), { recursive: true });
    await rename(tmp, outDir);
    return { files: urls.length + assets.size + 1, outDir };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
