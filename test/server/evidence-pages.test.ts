import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSite, type TestSite } from './helpers.js';

/** The evidence window on the dashboard, over the analytics fixture (its GPQA figures stop on 2025-08-07). */
let site: TestSite;
const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  site = await testSite({ fixture: 'analytics' });
});
afterAll(() => site.close());

describe('evidence windows on the dashboard', () => {
  it('/best-open shows a stale window above the ranking and links the releases that came out after it', async () => {
    const r = await get('/best-open?measure=gpqa-diamond&as_of=2026-11-29', { accept: 'text/html' });
    expect(r.statusCode).toBe(200);
    const notice = /<aside class="evidence-window evidence-stale"[\s\S]*?<\/aside>/.exec(r.body)?.[0] ?? '';
    expect(notice).toContain('Stale: no current score');
    expect(notice).toContain('older than the 365-day window starting 2025-11-29');
    expect(notice).toMatch(/href="[^"]*\/releases\/deepseek-v3\.2"/);
    expect(r.body.indexOf('>Ranking<')).toBeGreaterThan(0);
    expect(r.body.indexOf('evidence-window')).toBeLessThan(r.body.indexOf('>Ranking<'));
    expect((await get('/api/best-open?measure=gpqa-diamond&as_of=2026-11-29')).json().data.window.status).toBe('stale');
  });
  it('/gap and /choose carry their window', async () => {
    expect((await get('/gap?measure=gpqa-diamond&as_of=2025-12-04', { accept: 'text/html' })).body).toContain('evidence-window evidence-partial');
    expect((await get('/choose?measure=arena&as_of=2025-06-30', { accept: 'text/html' })).body).toContain('evidence-window evidence-full');
  });
  it('/claims shows each measure\'s window', async () => {
    const body = (await get('/claims', { accept: 'text/html' })).body;
    expect(body).toContain('class="evidence-measures"');
  });
  it('/sources lists each capability measure with its date range and release count', async () => {
    const d = (await get('/api/sources')).json().data;
    expect(d.measures).toContainEqual({ measure: 'gpqa-diamond', releases: 6, observations: 6, sources: 1, first: '2025-01-20', last: '2025-08-07' });
    expect((await get('/sources', { accept: 'text/html' })).body).toContain('id="measures-table"');
  });
});
