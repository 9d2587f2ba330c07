import { afterEach, describe, expect, it } from 'vitest';
import { countDerivatives, fetchRepo, type HubClientOptions } from '../../src/sources/hf-hub/index.js';
import { listingPage, MODEL_PATH, modelJson, startFakeHub, type FakeHub, type Script } from '../helpers/fake-hub.js';

const REPO = 'meta-llama/Llama-3.1-8B-Instruct';
let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function against(script: Script, extra: Partial<HubClientOptions> = {}) {
  hub = await startFakeHub(script);
  const opts: HubClientOptions = { hubUrl: hub.url, timeoutMs: 2_000, retry: { attempts: 3, baseDelayMs: 1, sleep: async () => {} }, ...extra };
  return { opts, hub };
}
const ok = (repo = REPO) => ({ body: modelJson(repo, { downloads: 10, likes: 1, downloadsAllTime: 100 }) });

describe('a hostile Hub', () => {
  it('a Link cursor that repeats makes the listing incomplete: a gap, no count', async () => {
    const { opts } = await against((req, _nth, url) => {
      if (MODEL_PATH.test(req.path)) return ok();
      // Every page points back at page 1: the listing would never end, or count pages twice.
      const next = new URL(`/api/models?${new URLSearchParams({ filter: req.query.get('filter')!, cursor: '1' })}`, url).href;
      return { body: listingPage('x', 0, 3), headers: { link: `<${next}>; rel="next"` } };
    });
    expect(await countDerivatives(REPO, 'finetunes', opts)).toMatchObject({ kind: 'finetunes', reason: 'error', error: { kind: 'malformed', message: expect.stringContaining('repeated a page') } });
  });

  it('a complete 200 whose JSON is truncated is fetched again', async () => {
    const { opts, hub: h } = await against((req, nth) => {
      if (!MODEL_PATH.test(req.path)) return { status: 404 };
      const full = JSON.stringify(ok().body);
      return nth === 1 ? { body: full.slice(0, full.length - 10), headers: { 'content-type': 'application/json' } } : ok();
    });
    const r = await fetchRepo(REPO, opts);
    expect(r).toMatchObject({ ok: true, figures: { downloads30d: 10, likes: 1 } });
    expect(h.requests.filter((x) => MODEL_PATH.test(x.path))).toHaveLength(2);
  });

  it('truncated JSON on every attempt is reported as malformed after the attempts', async () => {
    const { opts } = await against(() => ({ body: '{"id": "x", "downl', headers: { 'content-type': 'application/json' } }));
    expect(await fetchRepo(REPO, opts)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it('the four derivative listings overlap with modelInfo instead of adding up', async () => {
    let inFlight = 0;
    let most = 0;
    const { opts } = await against((req) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => inFlight--, 100);
      return MODEL_PATH.test(req.path) ? { ...ok(), delayMs: 100 } : { body: [], delayMs: 100 };
    }, { derivatives: true });
    const r = await fetchRepo(REPO, opts);
    expect(r).toMatchObject({ ok: true, derivatives: { finetunes: 0, adapters: 0, quantizations: 0, merges: 0 } });
    // modelInfo and the four listings are in flight together (one after another, never more than 1).
    expect(most).toBe(5);
  });
});
