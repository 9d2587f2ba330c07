import { afterEach, describe, expect, it } from 'vitest';
import { countDerivatives, fetchRepo, refreshHub, UNREACHABLE_STREAK, type HubClientOptions } from '../../src/sources/hf-hub/index.js';
import { listingPage, MODEL_PATH, modelJson, startFakeHub, type FakeHub, type Script } from '../helpers/fake-hub.js';

const REPO = 'meta-llama/Llama-3.1-8B-Instruct';
let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

/** Client options against the fake Hub; `sleeps` records each wait asked for instead of waiting. */
async function against(script: Script, extra: Partial<HubClientOptions> = {}) {
  hub = await startFakeHub(script);
  const sleeps: number[] = [];
  const opts: HubClientOptions = {
    hubUrl: hub.url, timeoutMs: 2_000, retry: { attempts: 3, baseDelayMs: 1, sleep: async (ms) => void sleeps.push(ms) }, ...extra,
  };
  return { opts, sleeps, hub };
}

const ok = (repo = REPO) => ({ body: modelJson(repo, { downloads: 5_123_456, likes: 4_321, downloadsAllTime: 81_234_567 }) });

describe('fetchRepo(repo, opts)', () => {
  it('reads 30-day downloads, all-time downloads and likes through modelInfo', async () => {
    const { opts, hub } = await against((req) => (MODEL_PATH.test(req.path) ? ok(MODEL_PATH.exec(req.path)![1]) : { status: 500 }));
    const r = await fetchRepo(REPO, opts);
    expect(r).toEqual({ repo: REPO, ok: true, figures: { downloads30d: 5_123_456, downloadsAllTime: 81_234_567, likes: 4_321 }, derivatives: {}, gaps: [] });
    expect(hub.requests).toHaveLength(1);
    expect(hub.requests[0]!.path).toBe(`/api/models/${REPO}/revision/HEAD`);
    expect(hub.requests[0]!.query.getAll('expand')).toEqual(expect.arrayContaining(['downloads', 'likes', 'downloadsAllTime']));
    expect(hub.requests[0]!.authorization).toBeUndefined();
  });

  it('sends HF_TOKEN as a bearer token when given one', async () => {
    const { opts, hub } = await against(() => ok());
    await fetchRepo(REPO, { ...opts, accessToken: 'hf_fixture_token' });
    expect(hub.requests[0]!.authorization).toBe('Bearer hf_fixture_token');
  });

  it('waits as long as a 429 Retry-After says, then succeeds', async () => {
    const { opts, sleeps } = await against((_, nth) => (nth === 1 ? { status: 429, headers: { 'retry-after': '3' }, body: { error: 'slow down' } } : ok()));
    const r = await fetchRepo(REPO, opts);
    expect(r.ok).toBe(true);
    expect(sleeps).toEqual([3_000]);
  });

  it('gives up on a 429 whose Retry-After is longer than the policy allows, saying how long', async () => {
    const { opts, hub } = await against(() => ({ status: 429, headers: { 'retry-after': '3600' } }));
    const r = await fetchRepo(REPO, opts);
    expect(r).toMatchObject({ ok: false, error: { repo: REPO, kind: 'rate-limited', status: 429, attempts: 1 } });
    expect(!r.ok && r.error.message).toContain('wait 3600 s');
    expect(hub.requests).toHaveLength(1);
  });

  it('reports a repeated 500 as a failure after every attempt, with the status and attempt count', async () => {
    const { opts, hub, sleeps } = await against(() => ({ status: 500, body: { error: 'internal' } }));
    const r = await fetchRepo(REPO, opts);
    expect(r).toMatchObject({ ok: false, error: { repo: REPO, what: 'model', kind: 'server', status: 500, attempts: 3 } });
    expect(hub.requests).toHaveLength(3);
    // Exponential backoff from the base delay: the second wait is at least twice the first's base.
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThanOrEqual(2);
  });

  it('recovers when a 503 is followed by a good answer', async () => {
    const { opts } = await against((_, nth) => (nth < 3 ? { status: 503 } : ok()));
    expect((await fetchRepo(REPO, opts)).ok).toBe(true);
  });

  it('reports 404 as not found without retrying', async () => {
    const { opts, hub } = await against(() => ({ status: 404, body: { error: 'Repository not found' } }));
    expect(await fetchRepo(REPO, opts)).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404, attempts: 1 } });
    expect(hub.requests).toHaveLength(1);
  });

  it('reports 401 and 403 as gated or private', async () => {
    const { opts } = await against((req) => (req.path.includes('Private') ? { status: 401, body: { error: 'Invalid credentials' } } : { status: 403, body: 'Access to model is restricted', headers: { 'content-type': 'text/plain' } }));
    expect(await fetchRepo('meta-llama/Gated', opts)).toMatchObject({ ok: false, error: { kind: 'gated', status: 403 } });
    expect(await fetchRepo('meta-llama/Private', opts)).toMatchObject({ ok: false, error: { kind: 'gated', status: 401 } });
  });

  it('reports a body that is not JSON as malformed, naming the repo', async () => {
    const { opts } = await against(() => ({ body: '{"id": "meta-llama/Llama-3.1-8B-Instruct", "downloads": ' }));
    const r = await fetchRepo(REPO, opts);
    expect(r).toMatchObject({ ok: false, error: { repo: REPO, kind: 'malformed' } });
  });

  it('reports JSON without the figures as malformed rather than writing holes', async () => {
    const { opts } = await against(() => ({ body: { _id: 'x', id: REPO, downloads: 'many', likes: 3 } }));
    const r = await fetchRepo(REPO, opts);
    expect(r).toMatchObject({ ok: false, error: { repo: REPO, kind: 'malformed', status: 200 } });
    expect(!r.ok && r.error.message).toContain('downloads');
  });

  it('retries a response slower than the timeout, then reports a timeout', async () => {
    const { opts, hub } = await against(() => ({ ...ok(), delayMs: 10_000 }), { timeoutMs: 50 });
    const r = await fetchRepo(REPO, opts);
    expect(r).toMatchObject({ ok: false, error: { kind: 'timeout', attempts: 3 } });
    expect(hub.requests).toHaveLength(3);
  });

  it('succeeds when only the first response was slower than the timeout', async () => {
    const { opts } = await against((_, nth) => (nth === 1 ? { ...ok(), delayMs: 10_000 } : ok()), { timeoutMs: 200 });
    expect((await fetchRepo(REPO, opts)).ok).toBe(true);
  });

  it('retries a connection dropped mid-response', async () => {
    const { opts, hub } = await against((_, nth) => (nth === 1 ? { ...ok(), drop: true } : ok()));
    const r = await fetchRepo(REPO, opts);
    expect(r.ok).toBe(true);
    expect(hub.requests).toHaveLength(2);
  });

  it('reports a connection dropped on every attempt as a network error', async () => {
    const { opts } = await against(() => ({ ...ok(), drop: true }));
    expect(await fetchRepo(REPO, opts)).toMatchObject({ ok: false, error: { kind: 'network', attempts: 3 } });
  });

  it('notes when the Hub answers under another id (a renamed repo)', async () => {
    const { opts } = await against(() => ok('meta-llama/Meta-Llama-3.1-8B-Instruct'));
    expect(await fetchRepo(REPO, opts)).toMatchObject({ ok: true, figures: { movedTo: 'meta-llama/Meta-Llama-3.1-8B-Instruct' } });
  });
});

/** A listing of `total` models served `perPage` at a time, linked by `Link: <...>; rel="next"`. */
function paged(total: number, perPage: number, fault?: (page: number, nth: number) => object | undefined): Script {
  return (req, nth, url) => {
    if (MODEL_PATH.test(req.path)) return ok();
    const page = Number(req.query.get('cursor') ?? 0);
    const f = fault?.(page, nth);
    if (f) return f;
    const from = page * perPage;
    const count = Math.max(0, Math.min(perPage, total - from));
    const next = from + count < total ? new URL(`/api/models?${new URLSearchParams({ filter: req.query.get('filter')!, cursor: String(page + 1) })}`, url).href : undefined;
    return { body: listingPage(req.query.get('filter')!, from, count), headers: next ? { link: `<${next}>; rel="next"` } : {} };
  };
}

describe('countDerivatives(repo, kind, opts)', () => {
  it('follows the Link header to the end and counts every listed model', async () => {
    const { opts, hub } = await against(paged(7, 3));
    expect(await countDerivatives(REPO, 'quantizations', opts)).toBe(7);
    const listings = hub.requests.filter((r) => r.path === '/api/models');
    expect(listings).toHaveLength(3);
    expect(listings.map((r) => r.query.get('filter'))).toEqual(Array(3).fill(`base_model:quantized:${REPO}`));
  });

  it('counts zero for an empty listing', async () => {
    const { opts } = await against(paged(0, 3));
    expect(await countDerivatives(REPO, 'merges', opts)).toBe(0);
  });

  it('reports a listing longer than the cap as truncated, never as a count', async () => {
    const { opts } = await against(paged(10, 3), { maxListed: 5 });
    expect(await countDerivatives(REPO, 'finetunes', opts)).toEqual({ kind: 'finetunes', reason: 'truncated', listed: 5 });
  });

  it('reports a page that keeps failing as an error, not the count of the pages before it', async () => {
    const { opts } = await against(paged(7, 3, (page) => (page === 2 ? { status: 502 } : undefined)));
    expect(await countDerivatives(REPO, 'adapters', opts)).toMatchObject({ kind: 'adapters', reason: 'error', error: { kind: 'server', status: 502, attempts: 3, what: 'adapters' } });
  });

  it('retries one dropped page and still counts the whole listing', async () => {
    const { opts } = await against(paged(7, 3, (page, nth) => (page === 1 && nth === 1 ? { body: listingPage('x', 0, 3), drop: true } : undefined)));
    expect(await countDerivatives(REPO, 'finetunes', opts)).toBe(7);
  });

  it('reports a page that is not a list as malformed', async () => {
    const { opts } = await against(paged(7, 3, (page) => (page === 1 ? { body: { error: 'oops' } } : undefined)));
    expect(await countDerivatives(REPO, 'finetunes', opts)).toMatchObject({ reason: 'error', error: { kind: 'malformed' } });
  });
});

describe('refreshHub(repos, opts)', () => {
  it('reads every repo with at most `concurrency` in flight and keeps the input order', async () => {
    let inFlight = 0;
    let most = 0;
    hub = await startFakeHub((req) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => inFlight--, 20);
      return { ...ok(MODEL_PATH.exec(req.path)![1]), delayMs: 20 };
    });
    const repos = Array.from({ length: 9 }, (_, i) => `org/model-${i}`);
    const results = await refreshHub(repos, { hubUrl: hub.url, timeoutMs: 5_000, concurrency: 2 });
    expect(results.map((r) => r.repo)).toEqual(repos);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(most).toBeLessThanOrEqual(2);
  });

  it('stops trying once a run of repos could not reach the Hub, and says which were not tried', async () => {
    const { opts, hub: h } = await against(() => ({ ...ok(), drop: true }));
    const repos = Array.from({ length: 40 }, (_, i) => `org/model-${i}`);
    const results = await refreshHub(repos, { ...opts, concurrency: 1 });
    const tried = results.filter((r) => !r.ok && r.error.kind === 'network');
    expect(tried).toHaveLength(UNREACHABLE_STREAK);
    expect(results.slice(UNREACHABLE_STREAK).every((r) => !r.ok && r.error.kind === 'not-tried' && r.error.attempts === 0)).toBe(true);
    expect(h.requests).toHaveLength(UNREACHABLE_STREAK * 3);
  });

  it('keeps going through network failures once the Hub has answered', async () => {
    const { opts } = await against((req) => (req.path.includes('/first') ? ok() : { ...ok(), drop: true }));
    const repos = ['org/first', ...Array.from({ length: UNREACHABLE_STREAK + 2 }, (_, i) => `org/model-${i}`)];
    const results = await refreshHub(repos, { ...opts, concurrency: 1 });
    expect(results[0]!.ok).toBe(true);
    expect(results.slice(1).every((r) => !r.ok && r.error.kind === 'network')).toBe(true);
  });

  it('with derivatives, records the complete counts and reports the listing that failed as a gap', async () => {
    const base = paged(4, 3);
    const { opts } = await against((req, nth, url) => (req.query.get('filter')?.startsWith('base_model:merge:') ? { status: 500 } : base(req, nth, url)));
    const [r] = await refreshHub([REPO], { ...opts, derivatives: true, concurrency: 1 });
    expect(r).toMatchObject({ ok: true, derivatives: { finetunes: 4, adapters: 4, quantizations: 4 } });
    expect(r!.ok && r!.derivatives.merges).toBeUndefined();
    expect(r!.ok && r!.gaps).toEqual([{ kind: 'merges', reason: 'error', error: expect.objectContaining({ kind: 'server', status: 500, attempts: 3 }) }]);
  });
});
