import { MODEL_PATH, modelJson, startFakeHub, type FakeHub } from '../test/helpers/fake-hub.js';

/**
 * A Hub on 127.0.0.1 for the refresh benchmark: every model answers at once with made-up figures,
 * so the measure is the client's own cost (requests, retries wrapper, parsing), not the network's.
 */
export function startLocalHub(): Promise<FakeHub> {
  return startFakeHub((req) => {
    const m = MODEL_PATH.exec(req.path);
    if (!m) return { status: 404, body: { error: 'not found' } };
    return { body: modelJson(m[1]!, { downloads: 1000, likes: 10, downloadsAllTime: 100_000 }) };
  });
}
