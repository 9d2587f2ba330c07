import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSite, fileFor, MARKER } from '../../src/surfaces/export/export-site.js';
import { build } from '../../src/surfaces/server/build.js';
import { PAGES } from '../../src/surfaces/web/pages/index.js';
import { testSite, type TestSite } from '../server/helpers.js';
import { cli } from '../helpers/cli.js';
import { scratchData } from '../helpers/fixture-data.js';

let site: TestSite;
let out: string;
let tmp: string;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every site-absolute link of every exported page, as the file a static host would serve for it. */
function brokenLinks(root: string, base = '/'): string[] {
  const broken: string[] = [];
  for (const file of walk(root).filter((f) => f.endsWith('.html'))) {
    const body = readFileSync(file, 'utf8');
    for (const m of body.matchAll(/(?:href|src|action)="([^"]*)"/g)) {
      const url = m[1]!.replace(/&amp;/g, '&');
      if (!url.startsWith(base) || url.startsWith('//')) continue;
      const sitePath = '/' + url.slice(base.length).split('#')[0]!;
      const target = path.join(root, fileFor(decodeURIComponent(sitePath.split('?')[0]!)));
      if (!existsSync(target)) broken.push(`${path.relative(root, file)} -> ${url}`);
    }
  }
  return [...new Set(broken)];
}

beforeAll(async () => {
  site = await testSite({ fixture: 'analytics', static: true });
  tmp = await mkdtemp(path.join(tmpdir(), 'aperture-export-'));
  out = path.join(tmp, 'site');
  await exportSite({ app: site.app, db: site.db, pages: PAGES, outDir: out });
});
afterAll(async () => {
  await site.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('exportSite({ app, outDir })', () => {
  it('writes every page as dir/index.html with its JSON and CSV twins beside it', () => {
    for (const f of ['index.html', 'index.json', 'index.csv', 'releases/index.html', 'releases.json', 'releases.csv', 'releases/markup-7b/index.html',
      'releases/markup-7b.json', 'releases/markup-7b.csv', 'labs/meta/index.html', 'countries/CN/index.html', 'claims/best-open-chinese/index.html',
      'licenses/Apache-2.0/index.html', 'choose/index.html', 'gap/index.html', 'openapi.json', '404.html', MARKER]) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    expect(walk(path.join(out, 'assets')).some((f) => f.endsWith('.css'))).toBe(true);
  });

  it('leaves no link to a page it did not write', () => {
    expect(brokenLinks(out)).toEqual([]);
  });

  it('puts every release on the static releases page, marked for filtering in the browser', () => {
    const html = readFileSync(path.join(out, 'releases/index.html'), 'utf8');
    const json = JSON.parse(readFileSync(path.join(out, 'releases.json'), 'utf8'));
    expect(json.data.rows.length).toBe(json.data.total);
    expect((html.match(/<tr data-id=/g) ?? []).length).toBe(json.data.total);
    expect(html).toContain('data-static="true"');
  });

  it('writes JSON twins that parse and a 404 page', () => {
    expect(JSON.parse(readFileSync(path.join(out, 'claims.json'), 'utf8')).ok).toBe(true);
    expect(readFileSync(path.join(out, '404.html'), 'utf8')).toContain('Not found');
  });

  it('replaces an earlier export but refuses a folder it did not write', async () => {
    await exportSite({ app: site.app, db: site.db, pages: PAGES.filter((p) => p.name === 'overview'), outDir: out });
    expect(existsSync(path.join(out, 'releases.json'))).toBe(false);
    const foreign = path.join(tmp, 'foreign');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'notes.txt'), 'mine');
    await expect(exportSite({ app: site.app, db: site.db, pages: PAGES, outDir: foreign })).rejects.toThrow(/not empty/);
    expect(readFileSync(path.join(foreign, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('prefixes every link with the base path it will be published under', async () => {
    const app = await build({ db: site.db, basePath: '/aperture/', static: true });
    try {
      const sub = path.join(tmp, 'sub');
      await exportSite({ app, db: site.db, pages: PAGES.filter((p) => ['overview', 'releases', 'release', 'labs', 'lab'].includes(p.name)), outDir: sub });
      const html = readFileSync(path.join(sub, 'index.html'), 'utf8');
      expect(html).toContain('href="/aperture/releases"');
      expect(html).not.toMatch(/href="\/(?!aperture\/)[a-z]/);
    } finally {
      await app.close();
    }
  });
});

describe('aperture export-site', () => {
  it('writes the site from the command line and says where', async () => {
    const { root, dataDir, cleanup } = await scratchData();
    try {
      const outDir = path.join(root, 'public');
      const r = await cli('export-site', '--out', outDir, '--base', '/aperture/', '--data', dataDir, '--db', path.join(root, 'db.duckdb'));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^wrote \d+ files to /);
      expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('href="/aperture/releases"');
      expect(existsSync(path.join(outDir, 'releases', 'mistral-7b-v0.1', 'index.html'))).toBe(true);
    } finally {
      await cleanup();
    }
  }, 180_000);

  it('rejects a base path that is not a folder path', async () => {
    const r = await cli('export-site', '--out', path.join(tmp, 'x'), '--base', 'aperture');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--base: expected a path starting and ending with "/"');
  });
});
