import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsHtml } from '../../src/surfaces/server/build.js';
import { testSite, type TestSite } from './helpers.js';

let site: TestSite;
let base: string;
beforeAll(async () => {
  site = await testSite({ fixture: 'analytics' });
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  const address = site.app.server.address() as net.AddressInfo;
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => site.close());

function expectErrorBody(status: number, text: string, expected: number) {
  expect(status, text).toBe(expected);
  const body = JSON.parse(text);
  expect(Object.keys(body).sort()).toEqual(['error', 'errors', 'ok', 'status']);
  expect(body).toMatchObject({ ok: false, status: expected });
  // Nothing of the server's insides: no stack frame, no file path.
  expect(text).not.toMatch(/\bat \S+ \(|\/work\/|node_modules|\.ts:\d+/);
}

/** Sends raw bytes on a socket to 127.0.0.1 and returns what the server answered. */
function raw(request: string | Buffer, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const socket = net.connect(Number(url.port), '127.0.0.1');
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => resolve(data));
    socket.on('close', () => resolve(data));
    socket.on('error', () => resolve(data));
    socket.setTimeout(timeoutMs, () => (socket.destroy(), reject(new Error('no answer'))));
    socket.write(request);
  });
}
const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
const bodyOf = (response: string) => response.slice(response.indexOf('\r\n\r\n') + 4);

describe('dates in query parameters: one schema, bounded to 2012..today', () => {
  const cases = [
    '/api/releases?since=2025-02-30',
    '/api/releases?until=2024-13',
    '/api/best-open?as_of=9999-12-31',
    '/best-open.json?as_of=9999-12-31',
    '/api/gap?as_of=9999-12-31',
    '/gap.json?as_of=0000',
    '/api/adoption?since=1999',
    '/api/claims?as_of=2025-02-30',
    '/api/adoption?as_of=20250101',
  ];
  for (const url of cases) {
    it(`${url} -> 400 naming the parameter`, async () => {
      const r = await fetch(base + url);
      const text = await r.text();
      expectErrorBody(r.status, text, 400);
      expect(JSON.parse(text).errors[0].message).toMatch(/date|2012|today|month|days/);
    });
  }
});

describe("errors Node and Fastify answer themselves use the one error body", () => {
  it('/%zz -> 400', async () => {
    const r = await fetch(`${base}/%zz`);
    expectErrorBody(r.status, await r.text(), 400);
  });
  it('an id past 200 characters -> 404 or 414 with the body', async () => {
    const r = await fetch(`${base}/api/releases/${'a'.repeat(5000)}`);
    expect([404, 414]).toContain(r.status);
    expectErrorBody(r.status, await r.text(), r.status);
  });
  it('oversized headers -> 431 with the body', async () => {
    const res = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`);
    expectErrorBody(statusOf(res), bodyOf(res), 431);
  });
  it('an oversized URL -> 431 with the body', async () => {
    const res = await raw(`GET /api/releases?q=${'a'.repeat(20000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expectErrorBody(statusOf(res), bodyOf(res), 431);
  });
  it('garbage instead of HTTP -> 400 with the body', async () => {
    const res = await raw('\x16\x03\x01 not http at all\r\n\r\n');
    expectErrorBody(statusOf(res), bodyOf(res), 400);
  });
  it('an unknown method -> 405', async () => {
    const r = await fetch(`${base}/api/releases`, { method: 'PROPFIND' as 'GET' });
    expectErrorBody(r.status, await r.text(), 405);
  });
});

describe('query text and content negotiation', () => {
  it('q=% and q=_ match those characters, not everything', async () => {
    const all = (await (await fetch(`${base}/api/releases?size=1`)).json()) as { data: { total: number } };
    for (const q of ['%25', '_']) {
      const r = await fetch(`${base}/api/releases?q=${q}`);
      expect(r.status).toBe(200);
      const body = (await r.json()) as { data: { total: number } };
      expect(body.data.total, q).toBeLessThan(all.data.total);
    }
  });
  it('Accept: text/html;q=0 is a refusal of HTML', () => {
    expect(acceptsHtml('text/html;q=0, application/json')).toBe(false);
    expect(acceptsHtml('text/html')).toBe(true);
    expect(acceptsHtml('application/json, text/*;q=0.5')).toBe(true);
  });
  it('an error for Accept: text/html;q=0 is JSON', async () => {
    const r = await fetch(`${base}/no-such-page`, { headers: { accept: 'text/html;q=0' } });
    expectErrorBody(r.status, await r.text(), 404);
  });
});

describe('slow clients', () => {
  it('the server sets header and request timeouts', () => {
    expect(site.app.server.requestTimeout).toBeGreaterThan(0);
    expect(site.app.server.requestTimeout).toBeLessThanOrEqual(30_000);
    expect(site.app.server.headersTimeout).toBeLessThanOrEqual(30_000);
  });
  it('a client trickling its headers does not block another', async () => {
    const url = new URL(base);
    const slow = net.connect(Number(url.port), '127.0.0.1');
    slow.write('GET / HTTP/1.1\r\nHost: x\r\n');
    const trickle = setInterval(() => slow.write('X-A: b\r\n'), 200);
    try {
      const r = await fetch(`${base}/api/releases?size=1`);
      expect(r.status).toBe(200);
    } finally {
      clearInterval(trickle);
      slow.destroy();
    }
  });
});
