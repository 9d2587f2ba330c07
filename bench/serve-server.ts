/**
 * The server side of bench/serve.ts, in a process of its own so the load generator does not
 * share its event loop: the dashboard app and a bare Fastify route answering `{}`, both on
 * 127.0.0.1, warmed as `aperture serve` warms them. Talks to its parent over IPC: sends the two
 * URLs once listening and warm, answers `rss` with its resident memory and heap.
 */
import Fastify from 'fastify';
import { openDb } from '../src/store/db.js';
import { build } from '../src/surfaces/server/build.js';
import { warmUp } from '../src/surfaces/server/warm.js';
import { PAGES } from '../src/surfaces/web/pages/index.js';

const dbPath = process.argv[2]!;
const db = await openDb(dbPath, { readOnly: true });
const app = await build({ db });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({}));
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
// The routes measured first are warmed before the first run; the rest of the site warms in the
// background, as `aperture serve` does, and reports when it is done.
const started = performance.now();
for (const url of ['/', '/api/releases', '/releases', '/releases.json?country=US&sort=name']) await app.inject({ method: 'GET', url });
const firstMs = Math.round(performance.now() - started);
let warmMs: number | undefined;
void warmUp(app, db, PAGES).then(() => (warmMs = Math.round(performance.now() - started)));

process.on('message', async (m: { type: string }) => {
  if (m.type === 'rss') {
    const mem = process.memoryUsage();
    const { data, responses } = app.caches;
    process.send!({ type: 'rss', warmMs, rssMB: Math.round(mem.rss / 2 ** 20), heapMB: Math.round(mem.heapUsed / 2 ** 20), cacheMB: Math.round((data.bytes + responses.bytes) / 2 ** 20), responses: responses.count });
  } else if (m.type === 'stop') {
    await app.close();
    await bare.close();
    db.close();
    process.exit(0);
  }
});
process.send!({ type: 'ready', base, bareBase, firstMs });
