import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseTableParams, releaseTableView } from '../../src/views/release-table.js';
import { pickEncoding } from '../../src/surfaces/server/prepared.js';
import { testSite, type TestSite } from './helpers.js';

/**
 * The server's caches: one filtered result per filter whatever the sort, page and size; finished
 * responses sent again with the same bytes and ETag, compressed once, answered 304 when unchanged.
 */
let site: TestSite;
beforeAll(async () => {
  site = await testSite();
}, 120_000);
afterAll(() => site.close());

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
const baseKeys = () => [...site.app.caches.data.keys()].filter((k) => k.startsWith('base|releases|'));

describe('release list cache', () => {
  it('keeps one filtered result per filter: sort, order, page and size slice it', async () => {
    const before = baseKeys().length;
    const urls = ['/releases.json', '/releases.json?page=2&size=2', '/releases.json?sort=name&size=3', '/releases?sort=params&order=asc&size=1&page=3', '/api/releases?size=5&sort=org'];
    for (const url of urls) expect((await get(url)).statusCode, url).toBe(200);
    expect(baseKeys().length - before).toBe(1);
    await get('/releases.json?country=us&sort=name');
    await get('/releases.json?country=US&page=2&size=1');
    expect(baseKeys().length - before).toBe(2);
  });

  it('each slice is the page the view computes on its own', async () => {
    for (const search of ['page=2&size=2', 'sort=name&order=desc&size=3', 'sort=params&size=4', 'country=US&sort=date&order=asc&size=2&page=2']) {
      const params = ReleaseTableParams.parse(Object.fromEntries(new URLSearchParams(search)));
      const { allRows, ...expected } = await releaseTableView(site.db, params);
      const body = (await get(`/releases.json?${search}`)).json();
      expect(body.data).toEqual(JSON.parse(JSON.stringify({ ...expected })));
      expect(allRows.length).toBe(expected.total);
    }
  });
});

describe('finished responses', () => {
  it('are sent again with the same bytes and ETag, and 304 for If-None-Match', async () => {
    const a = await get('/');
    const b = await get('/');
    expect(a.statusCode).toBe(200);
    expect(b.body).toBe(a.body);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.headers['content-security-policy']).toBeDefined();
    expect(b.headers.link).toContain('/index.json');
    const c = await get('/', { 'if-none-match': String(a.headers.etag) });
    expect(c.statusCode).toBe(304);
    expect(c.body).toBe('');
  });

  it('come brotli or gzip compressed as the client accepts, the same page either way', async () => {
    const plain = await get('/releases');
    const br = await get('/releases', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await get('/releases', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    const none = await get('/releases', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toBe(plain.body);
  });

  it('errors are not cached: a bad query stays a 400 and a good one after it is a 200', async () => {
    expect((await get('/releases.json?size=0')).statusCode).toBe(400);
    expect((await get('/releases.json?size=0')).statusCode).toBe(400);
    expect((await get('/releases.json?size=1')).statusCode).toBe(200);
  });

  it('stay within their byte bound', () => {
    const { data, responses } = site.app.caches;
    expect(responses.bytes).toBeLessThanOrEqual(responses.maxBytes);
    expect(data.bytes).toBeLessThanOrEqual(data.maxBytes);
  });
});

describe('Accept-Encoding', () => {
  it('prefers brotli, then gzip, and honours q=0 and *', () => {
    expect(pickEncoding(undefined)).toBeUndefined();
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('*;q=0')).toBeUndefined();
    expect(pickEncoding('identity')).toBeUndefined();
    expect(pickEncoding('x-gzip')).toBe('gzip');
  });
});
