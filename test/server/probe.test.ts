import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSite, type TestSite } from './helpers.js';

/**
 * A hostile-parameter probe against a real server on 127.0.0.1: every query parameter of every
 * API path in /openapi.json gets huge, negative, array, impossible-date, markup and SQL values.
 * No answer may be a 500, every failure uses the one error body, and resident memory stays
 * bounded. Bounded in time: it stops after PROBE_MS whatever it has covered.
 */
const PROBE_MS = 25_000;
const VALUES = ['', '-1', '0', '1e308', '99999999999999999999', 'NaN', '9999-12-31', '0000', '2025-02-30', '2024-13', '1999', 'today', "' OR 1=1 --", '%', '_', '\\', '<script>x</script>', 'a'.repeat(4000), '../../etc/passwd', '%00', 'true', '1,2,3,4,5,6,7,8,9,10'];

let site: TestSite;
let base: string;
beforeAll(async () => {
  site = await testSite({ fixture: 'analytics' });
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(site.app.server.address() as net.AddressInfo).port}`;
});
afterAll(() => site.close());

describe('hostile-parameter probe', () => {
  it('never answers 500, always the one error body, with bounded memory', async () => {
    const spec = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }> };
    const urls: string[] = [];
    for (const [p, item] of Object.entries(spec.paths)) {
      const params = item.get?.parameters ?? [];
      const pathUrl = p.replace(/\{[^}]+\}/g, 'mistral-7b-v0.1');
      for (const param of params.filter((x) => x.in === 'query')) {
        for (const v of VALUES) urls.push(`${pathUrl}?${param.name}=${encodeURIComponent(v)}`);
        urls.push(`${pathUrl}?${param.name}=1&${param.name}=2`);
      }
      for (const v of VALUES.slice(0, 8)) urls.push(p.includes('{') ? p.replace(/\{[^}]+\}/g, encodeURIComponent(v) || 'x') : `${p}?${encodeURIComponent(v)}=1`);
    }
    const started = Date.now();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let done = 0;
    // Eight clients at a time, like a small crawler.
    // Interleaved, so a run cut short by the time bound still reaches every route.
    const queue = urls.map((u, i) => ({ u, k: (i * 2654435761) % 4294967296 })).sort((a, b) => a.k - b.k).map((x) => x.u);
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (queue.length && Date.now() - started < PROBE_MS) {
        const url = queue.shift()!;
        const r = await fetch(base + url, { headers: { accept: 'application/json' } });
        const text = await r.text();
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        done++;
        if (r.status >= 500) failures.push(`${r.status} ${url.slice(0, 120)}: ${text.slice(0, 200)}`);
        else if (r.status >= 400 && (r.headers.get('content-type') ?? '').includes('json')) {
          const body = JSON.parse(text);
          if (body.ok !== false || body.status !== r.status || typeof body.error !== 'string') failures.push(`bad error body for ${url.slice(0, 120)}`);
        }
        if (r.status >= 400 && /\/work\/|node_modules|\.ts:\d+|\bat \S+ \(/.test(text)) failures.push(`internal detail in ${url.slice(0, 120)}`);
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    }));
    console.log(`probe: ${done} of ${urls.length} requests in ${Date.now() - started} ms, statuses ${JSON.stringify(Object.fromEntries(statuses))}, RSS ${Math.round(rssBefore / 1e6)} -> peak ${Math.round(peak / 1e6)} MB`);
    expect(failures).toEqual([]);
    expect(done).toBeGreaterThan(100);
    // The test process holds the server and DuckDB; 1 GB of growth would mean an unbounded query.
    expect(peak - rssBefore).toBeLessThan(1024 * 1024 * 1024);
  }, PROBE_MS + 30_000);
});

describe('query timeout', () => {
  it('a query past the time limit answers 503 with the one error body', async () => {
    const slow = await testSite({ fixture: 'analytics', queryTimeoutMs: 1 });
    try {
      const r = await slow.app.inject({ method: 'GET', url: '/api/gap?as_of=2025-06-30', headers: { accept: 'application/json' } });
      expect(r.statusCode, r.body).toBe(503);
      expect(r.json()).toMatchObject({ ok: false, status: 503, error: expect.stringContaining('took longer') });
    } finally {
      await slow.close();
    }
  }, 60_000);
});
