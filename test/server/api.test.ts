import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../../src/surfaces/web/pages/index.js';
import { apiPath, twinBase } from '../../src/surfaces/server/routes.js';
import { testSite, type TestSite } from './helpers.js';

let site: TestSite;
const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  site = await testSite();
});
afterAll(() => site.close());

/** Every URL of a page: the page itself, its twins and its API routes, for one id if it has them. */
async function urlsOf(page: (typeof PAGES)[number]) {
  let path = page.path;
  let api = apiPath(page);
  if (path.includes(':id')) {
    const ids = (await page.ids!(site.db)) ?? [];
    expect(ids.length, `${page.name} has records to show`).toBeGreaterThan(0);
    path = path.replace(':id', ids[0]!);
    api = api.replace(':id', ids[0]!);
    return { html: path, json: `${path}.json`, csv: `${path}.csv`, api, apiCsv: `${api}.csv` };
  }
  const base = twinBase(path);
  return { html: path, json: `${base}.json`, csv: `${base}.csv`, api, apiCsv: `${api}.csv` };
}

describe('every page and its twins', () => {
  for (const page of PAGES) {
    it(`${page.path} answers HTML with a Link to its JSON twin, JSON, CSV and /api routes`, async () => {
      const u = await urlsOf(page);
      const html = await get(u.html, { accept: 'text/html' });
      expect(html.statusCode, html.body.slice(0, 300)).toBe(200);
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html.headers.link).toContain(`<${u.json}>; rel="alternate"; type="application/json"`);
      expect(html.body).toMatch(/^<!doctype html>/);
      expect(html.body).toContain('<main id="main"');
      expect(html.body).toContain(`href="${u.json}"`);

      for (const url of [u.json, u.api]) {
        const json = await get(url);
        expect(json.statusCode, url).toBe(200);
        expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(json.json()).toMatchObject({ ok: true });
        expect(json.json().data).toBeDefined();
      }
      for (const url of [u.csv, u.apiCsv]) {
        const csv = await get(url);
        expect(csv.statusCode, url).toBe(200);
        expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(csv.body.split('\r\n')[0]).toMatch(/^[a-z0-9_]+(,[a-z0-9_]+)*$/);
      }
      expect((await get(u.json)).body).toBe((await get(u.api)).body);
    });
  }

  it('/api lists every page with its API route and JSON twin', async () => {
    const d = (await get('/api')).json().data;
    expect(d.openapi).toBe('/openapi.json');
    expect(d.endpoints.map((e: { name: string }) => e.name)).toEqual(PAGES.map((p) => p.name));
    expect(d.endpoints.find((e: { name: string }) => e.name === 'releases')).toMatchObject({ api: '/api/releases', page: '/releases', json: '/releases.json' });
  });

  it('HEAD answers like GET without a body', async () => {
    const r = await site.app.inject({ method: 'HEAD', url: '/releases.json' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe('');
  });
});

describe('the releases API', () => {
  it('filters by country, case-insensitively', async () => {
    const r = (await get('/api/releases?country=fr')).json().data;
    expect(r.rows.length).toBeGreaterThan(0);
    expect(r.rows.every((x: { country: string }) => x.country === 'FR')).toBe(true);
    expect(r.total).toBe(r.rows.length);
  });

  it('sorts by name ascending and by parameters with unknown sizes last', async () => {
    const byName = (await get('/api/releases?sort=name&order=asc')).json().data.rows.map((x: { name: string }) => x.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
    const bySize = (await get('/api/releases?sort=params')).json().data.rows.map((x: { params_total: number | null }) => x.params_total);
    const known = bySize.filter((v: number | null) => v !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
  });

  it('counts facets over the filtered rows and marks the selected value', async () => {
    const all = (await get('/api/releases')).json().data;
    const fr = all.facets.country.find((f: { value: string }) => f.value === 'FR');
    const filtered = (await get('/api/releases?country=FR')).json().data;
    expect(filtered.total).toBe(fr.count);
    expect(filtered.facets.country).toEqual([{ value: 'FR', count: fr.count, selected: true }]);
  });

  it('pages the JSON twin and gives every filtered row in the CSV twin', async () => {
    const page2 = (await get('/releases.json?size=2&page=2')).json().data;
    expect(page2).toMatchObject({ page: 2, size: 2 });
    expect(page2.rows).toHaveLength(2);
    const csv = (await get('/releases.csv?size=2&page=2')).body.trim().split('\r\n');
    expect(csv).toHaveLength(page2.total + 1);
  });

  it('filters by type, license and dates', async () => {
    const r = (await get('/api/releases?type=instruct&license=LicenseRef-llama-3.1&since=2024&until=2024-12')).json().data;
    expect(r.rows.map((x: { id: string }) => x.id)).toEqual(['llama-3.1-8b-instruct']);
  });
});

describe('bad parameters', () => {
  const cases: [string, string][] = [
    ['/api/releases?country=1', 'country'],
    ['/api/releases?access=torrent', 'access'],
    ['/api/releases?since=2024-13-45x', 'since'],
    ['/api/releases?page=0', 'page'],
    ['/api/releases?size=lots', 'size'],
    ['/api/releases?sort=popularity', 'sort'],
    ['/api/releases?bogus=1', 'bogus'],
    ['/api/releases?country=FR&country=CN', 'country'],
    ['/api/labs?country=France', 'country'],
    ['/api/sources?page=-1', 'page'],
    ['/api/releases/Not_A_Slug!', 'id'],
    ['/api/licenses/%3Cscript%3E', 'id'],
    ['/api/overview?x=1', 'x'],
  ];
  for (const [url, param] of cases) {
    it(`${url} answers 400 naming "${param}"`, async () => {
      const r = await get(url);
      expect(r.statusCode).toBe(400);
      const body = r.json();
      expect(body.error).toContain(param);
      expect(body.errors.map((e: { path: string }) => e.path)).toContain(param);
      expect(body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    });
  }

  it('shows the problem on an HTML page with status 400 for people browsing', async () => {
    const r = await get('/releases?country=1', { accept: 'text/html' });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toContain('expected a two-letter country code');
  });
});

describe('security and caching headers', () => {
  it('sends a Content-Security-Policy without inline scripts or styles, and the usual hardening headers', async () => {
    const r = await get('/', { accept: 'text/html' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('gives an ETag and answers 304 when it matches', async () => {
    const first = await get('/releases.json');
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const again = await get('/releases.json', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('compresses large responses when the client accepts it', async () => {
    const r = await get('/releases', { accept: 'text/html', 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers.vary).toContain('accept-encoding');
  });

  it('caches content-named assets for a year and errors not at all', async () => {
    const page = await get('/', { accept: 'text/html' });
    const css = /href="(\/assets\/app\.[0-9a-f]+\.css)"/.exec(page.body)![1]!;
    const asset = await get(css);
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await get('/api/releases/nope')).headers['cache-control']).toBe('no-store');
  });
});

describe('markup in the data', () => {
  it('escapes a release name holding <script> on every page that shows it', async () => {
    for (const url of ['/releases/markup-7b', '/releases', '/labs/mistral', '/licenses/Apache-2.0', '/', '/countries/FR', '/sources/mistral-7b-announcement']) {
      const r = await get(url, { accept: 'text/html' });
      expect(r.statusCode, url).toBe(200);
      expect(r.body, url).not.toContain('<script>window.__pwned');
      expect(r.body, url).not.toContain('<img src=x');
    }
    const page = (await get('/releases/markup-7b', { accept: 'text/html' })).body;
    expect(page).toContain('&lt;script&gt;window.__pwned = true&lt;/script&gt; Markup 7B &quot;quoted&quot; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('Markup &lt;b&gt;bold&lt;/b&gt; family');
  });

  it('keeps the name intact in JSON and CSV', async () => {
    const json = (await get('/releases/markup-7b.json')).json().data;
    expect(json.name).toBe('<script>window.__pwned = true</script> Markup 7B "quoted" & <img src=x onerror=alert(1)>');
    const csv = (await get('/releases.csv?q=markup')).body;
    expect(csv).toContain('"<script>window.__pwned = true</script> Markup 7B ""quoted"" & <img src=x onerror=alert(1)>"');
  });

  it('cannot close the chart data block early', async () => {
    const page = (await get('/labs/mistral', { accept: 'text/html' })).body;
    const blocks = page.match(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>/g) ?? [];
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(b.slice(1, -9)).not.toContain('</script');
    expect(page).toContain('\\u003cscript>window.__pwned');
  });
});

describe('/openapi.json', () => {
  it('describes every route the server registers', async () => {
    const doc = (await get('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(Object.keys(doc.paths));
    const routes = site.app.routeList.map((r) => r.replace(/:(\w+)/g, '{$1}'));
    const missing = routes.filter((r) => !documented.has(r) && !documented.has(r.replace(/\{id\}$/, '{id}.json')));
    expect(missing).toEqual([]);
    for (const path of documented) {
      const filled = path.replace('{id}', 'x').replace('{file}', 'x');
      const listed = routes.some((r) => filled === r || new RegExp(`^${r.replace(/\{\w+\}/g, '[^/]+')}$`).test(filled));
      expect(listed, `${path} is served`).toBe(true);
    }
  });

  it('lists each query parameter of the releases page with its allowed values', async () => {
    const doc = (await get('/openapi.json')).json();
    const params = doc.paths['/api/releases'].get.parameters;
    const access = params.find((p: { name: string }) => p.name === 'access');
    expect(access.schema.enum).toContain('open-weights');
    expect(params.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'country', 'org', 'since', 'until', 'sort', 'order', 'page', 'size']));
  });
});
