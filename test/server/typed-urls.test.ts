import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSite, type TestSite } from './helpers.js';

let site: TestSite;
const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  site = await testSite({ fixture: 'analytics' });
});
afterAll(() => site.close());

describe('typed URLs', () => {
  it('/labs/Meta redirects to /labs/meta, keeping the suffix and query', async () => {
    const r = await get('/labs/Meta');
    expect(r.statusCode).toBe(301);
    expect(r.headers.location).toBe('/labs/meta');
    expect((await get('/api/labs/META.json?x=1')).headers.location).toBe('/api/labs/meta.json?x=1');
    expect((await get('/labs/meta')).statusCode).toBe(200);
  });

  it('booleans accept 1/0, true/false and yes/no', async () => {
    for (const v of ['1', 'true', 'yes', 'TRUE']) expect((await get(`/api/choose?osi=${v}`)).statusCode, v).toBe(200);
    const yes = (await get('/api/choose?osi=1')).json().data;
    const no = (await get('/api/choose?osi=0')).json().data;
    expect(yes.params.osi).toBe(true);
    expect(no.params.osi).toBe(false);
    const bad = await get('/api/choose?osi=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain('osi');
  });

  it('an unknown path is an HTML page for a browser and JSON for .json', async () => {
    const page = await get('/no-such-page', { accept: 'text/html,application/xhtml+xml' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('no page at /no-such-page');
    const json = await get('/no-such-page.json', { accept: 'text/html' });
    expect(json.statusCode).toBe(404);
    expect(json.json().ok).toBe(false);
  });
});

describe('counts agree', () => {
  it('the overview count "with downloadable weights" links to exactly that many releases', async () => {
    const page = (await get('/', { accept: 'text/html' })).body;
    const m = /<a href="([^"]+)"><strong>(\d+)<\/strong> with downloadable weights<\/a>/.exec(page);
    expect(m).not.toBeNull();
    const list = (await get(`${m![1]!.replace('/releases', '/releases.json').replace(/&amp;/g, '&')}`)).json().data;
    expect(list.total).toBe(Number(m![2]));
  });

  it('/countries and the releases country facet count the same releases', async () => {
    const countries = (await get('/countries.json')).json().data as { code: string; releases: number }[];
    const facet = (await get('/releases.json?size=1')).json().data.facets.country as { value: string; count: number }[];
    for (const c of countries) {
      const f = facet.find((x) => x.value === c.code);
      if (f) expect(f.count, c.code).toBe(c.releases);
      const filtered = (await get(`/releases.json?country=${c.code}&size=1`)).json().data.total;
      expect(filtered, c.code).toBe(c.releases);
    }
  });

  it('overview findings rank no share from fewer than the minimum releases, nor the current year', async () => {
    const d = (await get('/index.json')).json().data;
    const year = new Date().getUTCFullYear();
    for (const f of d.findings as string[]) {
      expect(f).not.toContain(`In ${year},`);
      for (const m of f.matchAll(/\((\d+) of (\d+)\)/g)) expect(Number(m[2])).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('openness badges', () => {
  it('/badge/<release>.svg is an SVG linking back, with a JSON twin of the same facts', async () => {
    const svg = await get('/badge/llama-3.1-405b-instruct.svg');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('href="/releases/llama-3.1-405b-instruct"');
    const json = (await get('/badge/llama-3.1-405b-instruct.json')).json().data;
    expect(json.access).toBeTruthy();
    expect(svg.body).toContain(json.access.replace(/-/g, ' '));
    expect((await get('/badge/no-such-release.svg')).statusCode).toBe(404);
    expect((await get('/badge/llama-3.1-405b-instruct.png')).statusCode).toBe(400);
  });
});
