import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../../src/surfaces/web/pages/index.js';
import { twinBase } from '../../src/surfaces/server/routes.js';
import { testSite, type TestSite } from './helpers.js';

let site: TestSite;
const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  site = await testSite({ fixture: 'analytics' });
});
afterAll(() => site.close());

describe('pages over the analytics', () => {
  it('/claims gives every claim a verdict and explanation, as of the day it was said by default', async () => {
    const d = (await get('/api/claims')).json().data;
    expect(d.as_of).toBe('said');
    expect(d.claims.length).toBeGreaterThan(3);
    for (const c of d.claims) {
      expect(['supported', 'partly-supported', 'contradicted', 'not-enough-data']).toContain(c.verdict);
      expect(c.explanation.length).toBeGreaterThan(10);
      expect(c.as_of).toBe(c.said);
    }
  });

  it('/claims/:id has both verdicts, evidence and a quarterly timeline', async () => {
    const id = (await get('/api/claims')).json().data.claims[0].id;
    const d = (await get(`/api/claims/${id}`)).json().data;
    expect(d.said.id).toBe(id);
    expect(d.today.as_of >= d.said.as_of).toBe(true);
    expect(d.timeline.points.length).toBeGreaterThan(4);
    const page = await get(`/claims/${id}`, { accept: 'text/html' });
    expect(page.body).toContain('data-chart="claim-timeline"');
  });

  it('/claims?as_of=bogus answers 400 naming as_of', async () => {
    const r = await get('/api/claims?as_of=bogus');
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].path).toBe('as_of');
  });

  it('/best-open ranks open releases and draws each country over time', async () => {
    const d = (await get('/api/best-open?top=3')).json().data;
    expect(d.ranking.length).toBeLessThanOrEqual(3);
    expect(d.ranking.length).toBeGreaterThan(0);
    expect(d.ranking.every((r: { access: string }) => r.access === 'open-weights' || r.access === 'gated-weights')).toBe(true);
    expect(d.history.points.length).toBeGreaterThan(0);
  });

  it('/gap has a monthly series of best open and best closed', async () => {
    const d = (await get('/api/gap')).json().data;
    expect(d.series.length).toBeGreaterThan(3);
    expect(d.series.some((p: { gap: number | null }) => p.gap !== null)).toBe(true);
    expect(d.measures).toBeUndefined();
    expect((await get('/api/gap?measure=gpqa-diamond&as_of=2025')).statusCode).toBe(200);
  });

  it('/adoption groups downloads by country or lab', async () => {
    const byCountry = (await get('/api/adoption')).json().data;
    expect(byCountry.rows.length).toBeGreaterThan(0);
    const byLab = (await get('/api/adoption?by=org&period=quarter')).json().data;
    expect(byLab.by).toBe('org');
    expect(byLab.rows.every((r: { period: string }) => /^\d{4}-Q\d$/.test(r.period))).toBe(true);
    expect((await get('/api/adoption?period=week')).statusCode).toBe(400);
  });

  it('/adoption draws the latest month as bars and the history as lines, only when there is one', async () => {
    const page = (await get('/adoption')).body;
    expect(page).toContain('data-chart="adoption-latest"');
    expect(page).toContain('Downloads in 2025-11');
    expect(page).toContain('data-chart="adoption-downloads"');
    // As of October, one month of observations: the bars alone, no line of lone points.
    const oneMonth = (await get('/adoption?as_of=2025-09-30')).body;
    expect(oneMonth).toContain('Downloads in 2025-09');
    expect(oneMonth).not.toContain('data-chart="adoption-downloads"');
  });

  it('/choose returns ranked candidates that meet every constraint', async () => {
    const all = (await get('/api/choose')).json().data;
    expect(all.candidates.length).toBeGreaterThan(0);
    const d = (await get('/api/choose?license_allows=commercial&no_user_cap=true&type=instruct&type=reasoning&max_params=100B&top=50')).json().data;
    expect(d.candidates.length).toBeGreaterThan(0);
    for (const c of d.candidates) {
      expect(['instruct', 'reasoning']).toContain(c.type);
      expect(c.params_total).toBeLessThanOrEqual(100e9);
    }
    expect(d.matched).toBeLessThan(all.matched);
    const excluded = (await get('/api/choose?exclude_country=CN,US')).json().data;
    expect(excluded.candidates.every((c: { countries: string[] }) => !c.countries.includes('CN') && !c.countries.includes('US'))).toBe(true);
  });

  it('/choose names the bad constraint', async () => {
    for (const [q, param] of [['max_params=huge', 'max_params'], ['country=China', 'country'], ['type=chat', 'type'], ['osi=maybe', 'osi']] as const) {
      const r = await get(`/api/choose?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().errors.map((e: { path: string }) => e.path.split('.')[0])).toContain(param);
    }
  });

  it('/conflicts answers with the filters of aperture conflicts', async () => {
    expect((await get('/api/conflicts?all=true&attribute=date')).statusCode).toBe(200);
    expect((await get('/api/conflicts?attribute=colour')).statusCode).toBe(400);
  });

  it('/labs/:id lists retreat and advance signals', async () => {
    const d = (await get('/api/labs/meta')).json().data;
    expect(Array.isArray(d.signals)).toBe(true);
  });

  it('/releases/:id shows every rubric with its reasons', async () => {
    const id = (await get('/api/releases')).json().data.rows[0].id;
    const d = (await get(`/api/releases/${id}`)).json().data;
    expect(d.rubrics.map((r: { rubric: string }) => r.rubric)).toEqual(['license', 'access', 'mof', 'osai', 'osaid', 'profile']);
    const page = (await get(`/releases/${id}`, { accept: 'text/html' })).body;
    expect(page).toContain('Model Openness Framework');
    expect(page).toContain('id="rubric-osaid"');
  });

  it('the overview shows claim verdicts, best open by country and the frontier gap', async () => {
    const page = (await get('/', { accept: 'text/html' })).body;
    for (const chart of ['share-by-country', 'best-open-by-country', 'overview-gap', 'access-by-year']) expect(page).toContain(`data-chart="${chart}"`);
    expect(page).toContain('class="verdict verdict-');
    expect(page).toMatch(/<svg[^>]*class="plot"/);
  });
});

describe('CSV headers', () => {
  it('stay the same whether or not any row matches', async () => {
    for (const page of PAGES.filter((p) => p.csvColumns)) {
      const full = (await get(`${twinBase(page.path)}.csv`)).body.split('\r\n')[0]!;
      if (full === '') continue;
      expect(full.split(',').sort(), page.name).toEqual([...page.csvColumns!].sort());
    }
    expect((await get('/releases.csv?q=no-such-release-anywhere')).body.split('\r\n')[0]).toBe(PAGES.find((p) => p.name === 'releases')!.csvColumns!.join(','));
  });
});
