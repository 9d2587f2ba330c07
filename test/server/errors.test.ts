import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { build } from '../../src/surfaces/server/build.js';
import { PAGES } from '../../src/surfaces/web/pages/index.js';
import { definePage } from '../../src/surfaces/web/page.js';
import { html } from '../../src/surfaces/web/html.js';
import { testSite, type TestSite } from './helpers.js';

let site: TestSite;
const failures: unknown[] = [];
const broken = definePage({
  name: 'broken',
  path: '/broken',
  summary: 'a page whose data fails, to test the 500 body',
  query: z.strictObject({}),
  load: async () => {
    throw new Error('secret internal detail');
  },
  title: () => 'broken',
  render: () => html``,
  csv: () => [],
});

beforeAll(async () => {
  site = await testSite();
});
afterAll(() => site.close());

/** The one error body: exactly these keys, and `status` equal to the HTTP status. */
function expectErrorBody(r: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number) {
  expect(r.statusCode).toBe(status);
  expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = r.json();
  expect(Object.keys(body).sort()).toEqual(['error', 'errors', 'ok', 'status']);
  expect(body).toMatchObject({ ok: false, status });
  expect(typeof body.error).toBe('string');
  expect(body.error.length).toBeGreaterThan(0);
  expect(Array.isArray(body.errors)).toBe(true);
}

describe('one error body for every API failure', () => {
  const cases: [string, string, number][] = [
    ['GET', '/api/releases?country=1', 400],
    ['GET', '/releases.json?nope=1', 400],
    ['GET', '/releases.csv?page=0', 400],
    ['GET', '/api/releases/no-such-release', 404],
    ['GET', '/releases/no-such-release.json', 404],
    ['GET', '/labs/no-such-lab.csv', 404],
    ['GET', '/api/countries/zz', 404],
    ['GET', '/api/no-such-endpoint', 404],
    ['GET', '/no-such-page.json', 404],
    ['GET', '/assets/app.0000.css', 404],
    ['POST', '/api/releases', 405],
    ['PUT', '/releases/mistral-7b-v0.1', 405],
    ['DELETE', '/api/releases/mistral-7b-v0.1', 405],
    ['PATCH', '/openapi.json', 405],
  ];
  for (const [method, url, status] of cases) {
    it(`${method} ${url} -> ${status}`, async () => {
      const r = await site.app.inject({ method: method as 'GET', url, headers: { accept: 'application/json' } });
      expectErrorBody(r, status);
      if (status === 405) expect(r.headers.allow).toBe('GET, HEAD');
    });
  }

  it('answers an unexpected failure with 500 and no internal detail', async () => {
    const app = await build({ db: site.db, pages: [...PAGES, broken], onError: (e) => failures.push(e) });
    try {
      const r = await app.inject({ url: '/api/broken' });
      expectErrorBody(r, 500);
      expect(r.body).not.toContain('secret');
      expect(failures).toHaveLength(1);
      const page = await app.inject({ url: '/broken', headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(500);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).not.toContain('secret');
    } finally {
      await app.close();
    }
  });

  it('renders HTML errors for browsers with the same status and message', async () => {
    const r = await site.app.inject({ url: '/releases/no-such-release', headers: { accept: 'text/html' } });
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain('no release with id &quot;no-such-release&quot;');
  });
});
