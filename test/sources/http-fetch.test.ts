import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BudgetExhausted, httpFetch, RequestBudget, ResponseCache, type FetchTrace, type HttpPolicy } from '../../src/sources/http/index.js';

type Handler = (req: IncomingMessage, res: ServerResponse, nth: number) => void;

/** A real HTTP server on 127.0.0.1 answering each request with the test's handler. */
async function serve(handler: Handler) {
  let n = 0;
  const server = createServer((req, res) => handler(req, res, ++n));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data.json`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  servers.push(close);
  return { url, count: () => n };
}
const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of servers.splice(0)) await close();
});

/** A policy whose waits are recorded, not slept. */
function policy(extra: Partial<HttpPolicy> = {}) {
  const waits: number[] = [];
  const p: HttpPolicy = { attempts: 4, timeoutMs: 500, baseDelayMs: 10, maxRetryAfterMs: 5_000, sleep: async (ms) => void waits.push(ms), ...extra };
  return { p, waits };
}

const ok = (res: ServerResponse, body = '{"ok":true}', headers: Record<string, string> = {}) => {
  res.writeHead(200, { 'content-type': 'application/json', ...headers });
  res.end(body);
};

describe('httpFetch(policy) against a local server', () => {
  it('httpFetch retries a 429 after the seconds its Retry-After asks for', async () => {
    const s = await serve((_q, res, n) => (n === 1 ? (res.writeHead(429, { 'retry-after': '2' }), res.end()) : ok(res)));
    const { p, waits } = policy();
    const r = await httpFetch(p)(s.url);
    expect(r.status).toBe(200);
    expect(waits).toEqual([2000]);
  });

  it('httpFetch backs off on a 429 without headers, doubling each time', async () => {
    const s = await serve((_q, res, n) => (n <= 2 ? (res.writeHead(429), res.end()) : ok(res)));
    const { p, waits } = policy();
    expect((await httpFetch(p)(s.url)).status).toBe(200);
    expect(waits.length).toBe(2);
    expect(waits[0]).toBeGreaterThanOrEqual(10);
    expect(waits[0]).toBeLessThanOrEqual(13);
    expect(waits[1]).toBeGreaterThanOrEqual(20);
    expect(waits[1]).toBeLessThanOrEqual(25);
  });

  it('httpFetch gives up on a Retry-After longer than the policy allows and returns the 429', async () => {
    const s = await serve((_q, res) => (res.writeHead(429, { 'retry-after': '3600' }), res.end()));
    const { p, waits } = policy();
    const trace: FetchTrace = { attempts: 0 };
    const r = await httpFetch(p, trace)(s.url);
    expect(r.status).toBe(429);
    expect(trace.retryAfterMs).toBe(3_600_000);
    expect(waits).toEqual([]);
  });

  for (const status of [500, 502, 503]) {
    it(`httpFetch retries a ${status} and returns the answer that follows`, async () => {
      const s = await serve((_q, res, n) => (n === 1 ? (res.writeHead(status), res.end('down')) : ok(res)));
      const { p } = policy();
      const trace: FetchTrace = { attempts: 0 };
      const r = await httpFetch(p, trace)(s.url);
      expect(await r.json()).toEqual({ ok: true });
      expect(trace.attempts).toBe(2);
    });
  }

  it('httpFetch returns the last 5xx when every attempt failed', async () => {
    const s = await serve((_q, res) => (res.writeHead(503), res.end()));
    const { p } = policy({ attempts: 3 });
    expect((await httpFetch(p)(s.url)).status).toBe(503);
    expect(s.count()).toBe(3);
  });

  it('httpFetch retries a connection reset halfway through the body', async () => {
    const s = await serve((_q, res, n) => {
      if (n > 1) return ok(res);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 10);
    });
    const { p } = policy();
    const trace: FetchTrace = { attempts: 0 };
    expect(await (await httpFetch(p, trace)(s.url)).json()).toEqual({ ok: true });
    expect(trace.attempts).toBe(2);
  });

  it('httpFetch retries a response slower than the timeout, then throws after the last attempt', async () => {
    const s = await serve((_q, res) => void setTimeout(() => ok(res), 2_000));
    const { p, waits } = policy({ attempts: 2, timeoutMs: 100 });
    await expect(httpFetch(p)(s.url)).rejects.toThrow();
    expect(waits.length).toBe(1);
    expect(s.count()).toBe(2);
  });

  it('httpFetch stops when the request budget of the run is spent', async () => {
    const s = await serve((_q, res) => (res.writeHead(500), res.end()));
    const budget = new RequestBudget(3);
    const { p } = policy({ attempts: 10, budget });
    await expect(httpFetch(p)(s.url)).rejects.toBeInstanceOf(BudgetExhausted);
    expect(s.count()).toBe(3);
    expect(budget.used).toBe(3);
  });

  it('httpFetch asks "changed since?" with the cached ETag and Last-Modified, and reuses the body on 304', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aperture-http-'));
    try {
      const seen: (string | undefined)[][] = [];
      const s = await serve((req, res) => {
        seen.push([req.headers['if-none-match'] as string | undefined, req.headers['if-modified-since'] as string | undefined]);
        if (req.headers['if-none-match'] === '"v1"') return (res.writeHead(304), res.end());
        ok(res, '{"models":[1,2,3]}', { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' });
      });
      const { p } = policy({ cache: new ResponseCache(path.join(dir, 'cache')) });
      const first = await httpFetch(p)(s.url);
      expect(await first.json()).toEqual({ models: [1, 2, 3] });
      const trace: FetchTrace = { attempts: 0 };
      const second = await httpFetch(p, trace)(s.url);
      expect(await second.json()).toEqual({ models: [1, 2, 3] });
      expect(trace.fromCache).toBe(true);
      expect(second.headers.get('x-aperture-cache')).toBe('revalidated');
      expect(seen).toEqual([[undefined, undefined], ['"v1"', 'Tue, 01 Dec 2026 10:00:00 GMT']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('httpFetch reports retries and outcomes to its log', async () => {
    const s = await serve((_q, res, n) => (n === 1 ? (res.writeHead(502), res.end()) : ok(res)));
    const lines: string[] = [];
    const { p } = policy({ log: { retry: (u, why, ms) => lines.push(`retry ${why} ${ms > 0}`), done: (u, outcome) => lines.push(`done ${outcome}`) } });
    await httpFetch(p)(s.url);
    expect(lines).toEqual(['retry status 502 true', 'done 200']);
  });
});
