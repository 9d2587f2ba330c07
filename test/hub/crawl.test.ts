import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeHub, type FakeHub, type Reply, type SeenRequest } from '../helpers/fake-hub.js';
import { cli } from '../helpers/cli.js';
import { VALID_DATA } from '../helpers/fixture-data.js';
import { crawlHub, nextLink } from '../../src/hub/crawl.js';
import { partialFile } from '../../src/hub/crawl-state.js';

const PAGES = 5;
const PER_PAGE = 3;
const page = (k: number) => Array.from({ length: PER_PAGE }, (_, i) => ({
  _id: `id-${k}-${i}`, id: `user-${k}/model-${i}`, author: `user-${k}`, createdAt: '2026-10-01T00:00:00.000Z', downloads: k * 10 + i,
  downloadsAllTime: 100, likes: 0, tags: k > 1 ? [`base_model:finetune:user-1/model-${i}`] : [],
}));
const cursorOf = (q: URLSearchParams) => Number(q.get('cursor') ?? '1');
const ok = (k: number, hubUrl: string, nextCursor: number | null = k < PAGES ? k + 1 : null): Reply => ({
  body: page(k),
  headers: nextCursor ? { link: `<${hubUrl}/api/models?limit=500&cursor=${nextCursor}>; rel="next"` } : {},
});

let dir: string;
let hub: FakeHub | undefined;
let delays: number[];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-crawl-'));
  delays = [];
});
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  await rm(dir, { recursive: true, force: true });
});

const run = (extra: Partial<Parameters<typeof crawlHub>[0]> = {}) => crawlHub({
  hubUrl: hub!.url, hubDir: dir, day: '2026-12-01', timeoutMs: 300, accessToken: 'hf_secret',
  retry: { baseDelayMs: 1, sleep: async (ms) => void delays.push(ms) }, ...extra,
});
const lines = async (file: string) => gunzipSync(await readFile(file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string });

describe('crawlHub(listing) against a local Hub with faults', () => {
  it('pages through the Link headers past 429s, 5xx, a reset, a slow page and a truncated body', async () => {
    hub = await startFakeHub((req: SeenRequest, nth, url) => {
      const k = cursorOf(req.query);
      if (k === 1 && nth === 1) return { status: 429, headers: { 'retry-after': '7' } };
      if (k === 2 && nth === 1) return { status: 429 };
      if (k === 2 && nth === 2) return { status: 429, headers: { ratelimit: '"api";r=0;t=3' } };
      if (k === 3 && nth <= 3) return { status: [500, 502, 503][nth - 1]! };
      if (k === 4 && nth === 1) return { body: page(4), drop: true };
      if (k === 4 && nth === 2) return { ...ok(4, url), delayMs: 1500 };
      if (k === 4 && nth === 3) return { body: JSON.stringify(page(4)).slice(0, 40) };
      return ok(k, url);
    });
    const r = await run();
    expect(r).toMatchObject({ ok: true, records: PAGES * PER_PAGE, pages: PAGES });
    const ids = (await lines(path.join(dir, '2026-12-01', 'models.ndjson.gz'))).map((m) => m.id);
    expect(ids).toEqual(Array.from({ length: PAGES }, (_, k) => page(k + 1).map((m) => m.id)).flat());
    // Retry-After (7 s) and RateLimit t= (3 s) were waited as asked.
    expect(delays).toContain(7000);
    expect(delays).toContain(3000);
    expect(hub.requests[0]!.query.getAll('expand')).toEqual(expect.arrayContaining(['downloadsAllTime', 'tags', 'cardData', 'createdAt']));
    expect(hub.requests.every((q) => q.authorization === 'Bearer hf_secret')).toBe(true);
    expect(await stat(partialFile(path.join(dir, '2026-12-01'))).catch(() => null)).toBeNull();
  });

  it('stops when a Link sends it back to a page it read, writing no snapshot', async () => {
    hub = await startFakeHub((req, _nth, url) => (cursorOf(req.query) === 2 ? ok(2, url, 2) : ok(cursorOf(req.query), url)));
    const r = await run();
    expect(r).toMatchObject({ ok: false, records: 6, pages: 2 });
    expect(r.ok ? '' : r.error).toMatch(/sent the crawl back to a page it already read/);
    expect(await stat(path.join(dir, '2026-12-01', 'models.ndjson.gz')).catch(() => null)).toBeNull();
  });

  it('resumes a crawl stopped mid-way from its last page, leaving the previous snapshot intact until done', async () => {
    let phase: 'first' | 'broken' | 'healthy' = 'first';
    hub = await startFakeHub((req, _nth, url) => {
      const k = cursorOf(req.query);
      if (phase === 'broken' && k === 3) return { status: 500 };
      return ok(k, url, k < (phase === 'first' ? 2 : PAGES) ? k + 1 : null);
    });
    // A complete earlier crawl of the day (two pages).
    expect(await run()).toMatchObject({ ok: true, records: 6 });
    const snapshot = path.join(dir, '2026-12-01', 'models.ndjson.gz');
    const before = await readFile(snapshot);
    phase = 'broken';
    const stopped = await run({ attempts: 2 });
    expect(stopped).toMatchObject({ ok: false, records: 6, pages: 2 });
    expect(stopped.ok ? '' : stopped.error).toMatch(/could not read page 3 of the listing: HTTP 500 after 2 attempts/);
    expect(await readFile(snapshot)).toEqual(before);
    // A crash after a page was appended but before its cursor was saved leaves extra bytes.
    await appendFile(partialFile(path.join(dir, '2026-12-01')), Buffer.from('half a page'));
    phase = 'healthy';
    hub.requests.length = 0;
    const resumed = await run({ resume: true });
    expect(resumed).toMatchObject({ ok: true, records: PAGES * PER_PAGE, resumedFrom: 6 });
    expect(hub.requests.map((q) => cursorOf(q.query))).toEqual([3, 4, 5]);
    const ids = (await lines(snapshot)).map((m) => m.id);
    expect(ids).toHaveLength(PAGES * PER_PAGE);
    expect(new Set(ids).size).toBe(PAGES * PER_PAGE);
  });

  it('reads rel="next" among other links', () => {
    expect(nextLink('<https://h/api/models?cursor=a>; rel="prev", <https://h/api/models?cursor=b>; rel="next"')).toBe('https://h/api/models?cursor=b');
    expect(nextLink(null)).toBeUndefined();
  });
});

describe('aperture hub crawl', () => {
  it('reads the Hub named by HF_ENDPOINT with HF_TOKEN, and its snapshot ingests', async () => {
    hub = await startFakeHub((req, _nth, url) => ok(cursorOf(req.query), url));
    const env = { HF_ENDPOINT: process.env.HF_ENDPOINT, HF_TOKEN: process.env.HF_TOKEN };
    process.env.HF_ENDPOINT = hub.url;
    process.env.HF_TOKEN = 'hf_from_env';
    try {
      const r = await cli('hub', '--hub-dir', dir, 'crawl', '--day', '2026-12-01', '--limit', '7', '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(r.json()).toMatchObject({ ok: true, records: 7, pages: 3 });
      expect(hub.requests[0]!.authorization).toBe('Bearer hf_from_env');
      expect(r.stdout).not.toMatch(/hf_from_env/);
      const i = await cli('--data', VALID_DATA, 'hub', '--hub-dir', dir, 'ingest', path.join(dir, '2026-12-01', 'models.ndjson.gz'), '--json');
      expect(i.code, i.stderr).toBe(0);
      expect(i.json()).toMatchObject({ snapshot: '2026-12-01', repos: 7, lineage: { edges: 4, missingParents: 0 } });
    } finally {
      for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  });
});
