import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApi } from '../../src/surfaces/server/openapi.js';
import { PAGES } from '../../src/surfaces/web/pages/index.js';
import { testSite, type TestSite } from './helpers.js';

let site: TestSite;
const get = (url: string, headers: Record<string, string> = { accept: 'text/html' }) => site.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  site = await testSite({ fixture: 'analytics' });
});
afterAll(() => site.close());

describe('/signals', () => {
  it('lists signals with their countries, filterable by direction and several countries', async () => {
    const all = (await get('/signals.json')).json().data;
    expect(all.signals.length).toBeGreaterThan(0);
    expect(all.retreats + all.advances).toBe(all.signals.length);
    const retreats = (await get('/signals.json?direction=retreat')).json().data;
    expect(retreats.signals.every((s: { direction: string }) => s.direction === 'retreat')).toBe(true);
    const us = (await get('/signals.json?country=US')).json().data.signals;
    const cn = (await get('/signals.json?country=cn')).json().data.signals;
    const both = (await get('/signals.json?country=US&country=CN')).json().data.signals;
    expect(us.every((s: { countries: string[] }) => s.countries.includes('US'))).toBe(true);
    expect(both.length).toBe(new Set([...us, ...cn].map((s: { org: string; kind: string; day: string }) => `${s.org}|${s.kind}|${s.day}`)).size);
  });

  it('renders as a page with a filter form, and as CSV with a header even when empty', async () => {
    const page = await get('/signals');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Retreat and advance signals</h1>');
    expect(page.body).toContain('name="direction"');
    const csv = await get('/signals.csv?as_of=2012-01-01'); // before any release: no signal
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toContain('direction');
  });

  it('rejects a bad direction with a 400 naming it', async () => {
    const r = await get('/signals.json?direction=sideways');
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].path).toBe('direction');
  });
});

describe('/trends', () => {
  it('gives every period in range, the minimum sample and the partial period', async () => {
    const d = (await get('/trends.json?by=country')).json().data;
    expect(d.rows.length).toBeGreaterThan(0);
    expect(d.min_sample).toBeGreaterThan(1);
    expect(d.periods).toEqual([...d.periods].sort());
    for (const r of d.rows) expect(d.periods).toContain(r.period);
    expect(d.partial_period).toBe(d.as_of.slice(0, 4));
    const halves = (await get('/trends.json?period=half&by=org&org=META')).json().data;
    expect(halves.rows.every((r: { period: string; group: string }) => /^\d{4}-H[12]$/.test(r.period) && r.group === 'meta')).toBe(true);
  });

  it('shows n beside every share and greys small samples in the table and the chart', async () => {
    const d = (await get('/trends.json?by=country')).json().data;
    const page = (await get('/trends?by=country')).body;
    expect(page).toContain('data-chart="trends-share"');
    for (const r of d.rows) expect(page).toContain(`(${r.open_weights} of ${r.releases})`);
    if (d.rows.some((r: { releases: number }) => r.releases < d.min_sample)) expect(page).toContain('class="small-sample"');
    const csv = (await get('/trends.csv?by=country')).body;
    expect(csv.split('\n')[0]).toContain('small_sample');
  });
});

describe('a country page', () => {
  it('shows its flagship trajectory and its labs\' signals', async () => {
    const page = (await get('/countries/US')).body;
    expect(page).toContain('data-chart="country-trajectory"');
    expect(page).toContain('Flagship trajectory');
    expect(page).toContain('Retreat and advance signals');
    const d = (await get('/api/countries/US')).json().data;
    expect(d.trajectory.rows.length).toBeGreaterThan(0);
    expect(d.signals.signals.every((s: { countries: string[] }) => s.countries.includes('US'))).toBe(true);
  });
});

describe('the new pages are described and linked', () => {
  it('are in the OpenAPI description', () => {
    const doc = openApi(PAGES) as { paths: Record<string, unknown> };
    for (const p of ['/signals', '/signals.json', '/signals.csv', '/trends', '/trends.json', '/trends.csv', '/glossary']) expect(Object.keys(doc.paths)).toContain(p);
  });

  it('every page links the glossary', async () => {
    expect((await get('/')).body).toContain('/glossary"');
    expect((await get('/glossary')).body).toContain('id="signal"');
  });
});
