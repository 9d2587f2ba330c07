import net from 'node:net';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePage } from '../../src/surfaces/web/page.js';
import { html } from '../../src/surfaces/web/html.js';
import { testSite, type TestSite } from './helpers.js';

/**
 * The server's query time limit stops the slow query only: queries run on a pool of
 * connections, and the limit interrupts the connection of the query past it, not one shared
 * by every request. Real DuckDB, real HTTP server on 127.0.0.1.
 */
const page = (name: string, sql: string) =>
  definePage({
    name,
    path: `/${name}`,
    summary: name,
    query: z.strictObject({ n: z.coerce.number().int().min(0).max(1000).optional() }),
    load: async (db) => ({ rows: await db.all(sql) }),
    title: () => name,
    render: (d) => html`<p>${JSON.stringify(d.rows)}</p>`,
    csv: (d) => d.rows,
  });
// A cross join of two big ranges: seconds of work for DuckDB, stopped only by the time limit.
const SLOW = page('slow', 'SELECT count(*)::INTEGER AS n FROM range(100000000) a, range(100000000) b WHERE a.range + b.range = -1');
const FAST = page('fast', 'SELECT count(*)::INTEGER AS n FROM releases');

let site: TestSite;
let base: string;
beforeAll(async () => {
  site = await testSite({ pages: [SLOW, FAST], queryTimeoutMs: 3000 });
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(site.app.server.address() as net.AddressInfo).port}`;
}, 120_000);
afterAll(() => site.close());

describe('query time limit with a pool of connections', () => {
  it('answers normal requests while another request runs into the limit, and only that one gets 503', async () => {
    const order: string[] = [];
    const slow = fetch(`${base}/api/slow`).then(async (r) => (order.push('slow'), { status: r.status, body: await r.json() }));
    // Let the slow query start first, so it holds its connection when the others arrive.
    await new Promise((r) => setTimeout(r, 300));
    const fast = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fetch(`${base}/api/fast?n=${i}`).then(async (r) => (order.push('fast'), { status: r.status, body: await r.json() }))),
    );
    const s = await slow;
    expect(s.status).toBe(503);
    expect(s.body).toMatchObject({ ok: false, status: 503, error: expect.stringContaining('took longer') });
    for (const f of fast) expect(f).toMatchObject({ status: 200, body: { ok: true, data: { rows: [{ n: expect.any(Number) }] } } });
    // With one shared connection the others waited behind the slow query or were interrupted with it.
    expect(order.slice(0, 6)).toEqual(Array(6).fill('fast'));
    expect(order.at(-1)).toBe('slow');
  }, 60_000);

  it('the interrupted connection serves the next requests', async () => {
    const rs = await Promise.all(Array.from({ length: 10 }, (_, i) => fetch(`${base}/api/fast?n=${100 + i}`)));
    expect(rs.map((r) => r.status)).toEqual(Array(10).fill(200));
  });
});
