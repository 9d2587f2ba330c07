import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixture-data.js';
import { cli } from '../helpers/cli.js';
import { testSite, type TestSite } from './helpers.js';

let site: TestSite;
const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
const page = async (url: string) => (await get(url, { accept: 'text/html' })).body;
/** The rows of one table of a page, as the text of their cells. */
const rows = (body: string, id: string) => {
  const table = new RegExp(`<table id="${id}">[\\s\\S]*?</table>`).exec(body)?.[0] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!));
};

beforeAll(async () => {
  // The fixture base with DeepSeek-R1's component facts, two releases imported from Epoch and both
  // peer indices: every section of the page has rows, as in test/cli/quality.test.ts.
  site = await testSite({
    overlays: [path.join(FIXTURES, 'quality')],
    prepare: async (dataDir) => {
      const db = path.join(path.dirname(dataDir), 'import.duckdb');
      const imports = [
        ['epoch', path.join(FIXTURES, 'imports', 'epoch', 'all_ml_systems_full_view_2025-08-07.csv')],
        ['osai-index', path.join(FIXTURES, 'imports', 'osai-index'), '--snapshot', '2026-06-12'],
        ['mot', path.join(FIXTURES, 'imports', 'mot'), '--snapshot', '2026-06-12'],
      ];
      for (const args of imports) {
        const r = await cli('--data', dataDir, '--db', db, 'import', ...args);
        expect(r.code, r.stderr).toBe(0);
      }
    },
  });
}, 60_000);
afterAll(() => site?.close());

describe('/quality', () => {
  it('shows the summary counts of aperture quality', async () => {
    const d = (await get('/api/quality')).json().data;
    const body = await page('/quality');
    expect(body).toContain('<h1>Data quality</h1>');
    expect(body).toContain(`<strong>${d.summary.releases}</strong> releases`);
    expect(body).toContain(`<strong>${d.summary.componentsUnknown}</strong> components unknown`);
    expect(body).toContain(`<strong>${d.summary.disagreements}</strong> disagreements with peer indices`);
    expect(d.summary.disagreements).toBe(5);
  });

  it('draws the labs with the most unknown components as bars on the server, with the numbers as a table', async () => {
    const body = await page('/quality');
    const figure = /<figure class="chart" data-chart="quality-labs"[\s\S]*?<\/figure>/.exec(body)?.[0] ?? '';
    expect(figure).toMatch(/<svg[^>]*class="plot"/);
    expect((figure.match(/<rect /g) ?? []).length).toBeGreaterThanOrEqual(3);
    const spec = JSON.parse(/<script type="application\/json" id="quality-labs-spec">([\s\S]*?)<\/script>/.exec(figure)![1]!);
    expect(spec.kind).toBe('value-bars');
    expect(spec.data.map((b: { label: string }) => b.label)).toEqual(['Meta', 'Mistral AI', 'DeepSeek']);
    expect(spec.data[0].value).toBe(32);
  });

  it('lists every lab\'s unknown share, linked to its page', async () => {
    const labs = rows(await page('/quality'), 'labs-table');
    expect(labs).toHaveLength(3);
    expect(labs[0]).toEqual(['<a href="/labs/meta">Meta</a>', 'United States (US)', '2', '32', '94%', '0', '1', '0']);
  });

  it('links the releases with the most unknown components to their pages and says "all 17" when nothing is known', async () => {
    const releases = rows(await page('/quality'), 'releases-table');
    expect(releases[0]![0]).toMatch(/^<a href="\/releases\/[a-z0-9.-]+">/);
    expect(releases[0]!.slice(3)).toEqual(['0', '17', 'all 17']);
    const r1 = releases.find((r) => r[0] === '<a href="/releases/deepseek-r1">DeepSeek-R1</a>')!;
    expect(r1.slice(1, 5)).toEqual(['<a href="/labs/deepseek">DeepSeek</a>', '2025-01-20', '3', '14']);
    expect(r1[5]).toContain('Model parameters (final)');
  });

  it('lists the facts without an evidence URL', async () => {
    const facts = rows(await page('/quality'), 'evidence-table');
    expect(facts.map((r) => [r[0], r[4]])).toEqual([
      ['<a href="/releases/deepseek-r1">deepseek-r1</a>', 'Training code'],
      ['<a href="/releases/llama-3.1-405b">llama-3.1-405b</a>', 'Datasets'],
      ['<a href="/releases/markup-7b">markup-7b</a>', 'Training code'],
    ]);
  });

  it('shows each peer disagreement with ours and theirs, their sources and links', async () => {
    const disagreements = rows(await page('/quality'), 'disagreements-table');
    expect(disagreements).toHaveLength(5);
    const [release, component, ours, theirs, kind] = disagreements[1]!;
    expect(release).toBe('<a href="/releases/llama-3.1-405b">llama-3.1-405b</a>');
    expect(component).toBe('Datasets<br><small>MOT: datasets</small>');
    expect(ours).toContain('status-closed');
    expect(ours).toContain('<a href="/sources/meta-llama-3.1-blog">meta-llama-3.1-blog</a> · no evidence URL');
    expect(theirs).toContain('<strong>open</strong><br><small>CC-BY-4.0</small>');
    expect(theirs).toContain('<a href="/sources/model-openness-tool">mot</a>: Llama-3.1-405B.yml');
    expect(theirs).toContain('href="https://example.org/datasets"');
    expect(kind).toBe('they say open, we say closed');
  });

  it('filters by lab and, with imported=true, includes imported releases', async () => {
    const deepseek = (await get('/api/quality?org=deepseek')).json().data;
    expect(deepseek.releases.map((r: { org: string }) => r.org)).toEqual(['deepseek', 'deepseek']);
    expect(deepseek.disagreements.map((r: { release: string }) => r.release)).toEqual(['deepseek-r1']);
    expect(deepseek.params).toEqual({ org: 'deepseek', imported: false });
    const curated = (await get('/api/quality')).json().data.releases;
    const all = (await get('/api/quality?imported=true')).json().data.releases;
    expect(curated.every((r: { imported: boolean }) => !r.imported)).toBe(true);
    expect(all.filter((r: { imported: boolean }) => r.imported)).toHaveLength(2);
    expect(all).toHaveLength(curated.length + 2);
  });

  it('keeps the filters in the form, which submits without JavaScript', async () => {
    const body = await page('/quality?org=meta&imported=true');
    expect(body).toContain('<form class="filters inline" method="get" action="/quality"');
    expect(body).toContain('<option value="meta" selected="selected">Meta</option>');
    expect(body).toMatch(/<input type="checkbox" id="c-imported-true" name="imported" value="true" checked="checked">/);
    expect(rows(body, 'labs-table').map((r) => r[0])).toEqual(['<a href="/labs/meta">Meta</a>']);
    expect(body).toContain('href="/quality.csv?org=meta&amp;imported=true"');
  });

  it('is in the navigation, and the conflicts page links to it', async () => {
    expect(await page('/quality')).toContain('<a href="/quality" aria-current="page">Quality</a>');
    expect(await page('/conflicts')).toMatch(/<a href="\/quality">[^<]+<\/a>/);
  });
});

describe('/quality.json, /api/quality and /quality.csv', () => {
  it('the JSON twin is the API answer, without the form\'s lab list', async () => {
    const json = await get('/quality.json');
    expect(json.body).toBe((await get('/api/quality')).body);
    const d = json.json().data;
    expect(Object.keys(d).sort()).toEqual(['disagreements', 'labs', 'originDisagreements', 'params', 'peerGaps', 'peers', 'releases', 'summary', 'withoutEvidence']);
  });

  it('the CSV twin has one row per release, every release, with its unknown components', async () => {
    const csv = (await get('/quality.csv')).body.trim().split('\r\n');
    expect(csv[0]).toBe('release,name,org,date,flagship,imported,known,unknown,unknown_components,with_url,without_url');
    const d = (await get('/api/quality')).json().data;
    expect(csv).toHaveLength(d.releases.length + 1);
    const r1 = csv.find((l) => l.startsWith('deepseek-r1,'))!;
    expect(r1).toMatch(/^deepseek-r1,DeepSeek-R1,deepseek,2025-01-20,true,false,3,14,data-card; data-preprocessing-code; datasets;.*,2,training-code$/);
    expect((await get('/api/quality.csv?org=meta')).body.trim().split('\r\n').slice(1).every((l) => l.split(',')[2] === 'meta')).toBe(true);
  });

  it('the CSV twin keeps its header when no release matches', async () => {
    const body = (await get('/quality.csv?org=no-such-lab')).body;
    expect(body).toBe('release,name,org,date,flagship,imported,known,unknown,unknown_components,with_url,without_url\r\n');
  });

  it('bad parameters answer 400 with the shared error body, naming the parameter', async () => {
    for (const [url, param] of [
      ['/api/quality?org=Not%20A%20Lab', 'org'],
      ['/quality.json?imported=maybe', 'imported'],
      ['/quality.csv?colour=red', 'colour'],
      ['/api/quality?org=meta&org=mistral', 'org'],
    ] as const) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = r.json();
      expect(Object.keys(body).sort()).toEqual(['error', 'errors', 'ok', 'status']);
      expect(body).toMatchObject({ ok: false, status: 400 });
      expect(body.errors.map((e: { path: string }) => e.path)).toEqual([param]);
    }
    expect((await get('/quality?imported=maybe', { accept: 'text/html' })).statusCode).toBe(400);
  });

  it('OpenAPI lists the page, its twins and its parameters', async () => {
    const doc = (await get('/openapi.json')).json();
    for (const p of ['/quality', '/quality.json', '/quality.csv', '/api/quality', '/api/quality.csv']) expect(doc.paths[p], p).toBeDefined();
    const params = doc.paths['/api/quality'].get.parameters.map((p: { name: string }) => p.name);
    expect(params.sort()).toEqual(['imported', 'org']);
  });
});
