/**
 * Server throughput under load, against 127.0.0.1 only and bounded in time: autocannon with 50
 * connections on `/api/releases`, `/` and a bare Fastify route answering `{}` in the same
 * process and run (the ceiling this machine allows), then a mixed run over many distinct pages
 * (page, size and sort links as a crawler walks them) sampling resident memory. Timings belong
 * here, never in tests. Run with `npm run bench:serve [-- --seconds N --mixed-seconds N]`.
 * Saves a table under bench/results/serve-<stamp>.{md,json}.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { defaultDataDir, PACKAGE_ROOT } from '../src/lib/paths.js';
import { buildDatabase } from '../src/store/build.js';
import { openDb } from '../src/store/db.js';
import { build } from '../src/surfaces/server/build.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('--seconds', 10);
const mixedSeconds = arg('--mixed-seconds', 120);
const connections = 50;

const scratch = await mkdtemp(path.join(tmpdir(), 'aperture-serve-bench-'));
const dbPath = path.join(scratch, 'bench.duckdb');
const built = await buildDatabase({ dataDir: process.env.APERTURE_DATA ?? defaultDataDir(), dbPath });
if (!built.ok) throw new Error('the data does not build');
const db = await openDb(dbPath, { readOnly: true });
const app = await build({ db });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({}));
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });

interface Row { name: string; reqPerSec: number; p50: number; p99: number; errors: number; non2xx: number }
const rows: Row[] = [];
async function load(name: string, url: string | string[], duration: number): Promise<autocannon.Result> {
  const urls = Array.isArray(url) ? url : [url];
  const origin = new URL(urls[0]!).origin;
  const result = await autocannon({ url: origin, connections, duration, requests: urls.map((u) => ({ method: 'GET', path: new URL(u).pathname + new URL(u).search })) });
  rows.push({ name, reqPerSec: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx });
  return result;
}

const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);
let memory: { startMB: number; endMB: number; maxMB: number; samples: number[] } | undefined;
try {
  // Warm the caches once, as a first visitor would.
  for (const p of ['/', '/api/releases']) await fetch(base + p);
  await load('bare Fastify route {}', `${bareBase}/bare`, seconds);
  await load('/api/releases', `${base}/api/releases`, seconds);
  await load('/ (overview)', `${base}/`, seconds);
  // Many distinct URLs: every page of the release list in two sizes and two sorts, orgs, the API.
  const mixed: string[] = [];
  for (let page = 1; page <= 40; page++) for (const size of [10, 25]) for (const sort of ['date', 'name']) mixed.push(`${base}/releases.json?page=${page}&size=${size}&sort=${sort}`);
  mixed.push(`${base}/`, `${base}/api/releases`, `${base}/orgs`, `${base}/licenses`);
  const samples: number[] = [rss()];
  const timer = setInterval(() => samples.push(rss()), 5000);
  await load(`mixed: ${mixed.length} distinct URLs, ${mixedSeconds} s`, mixed, mixedSeconds);
  clearInterval(timer);
  samples.push(rss());
  memory = { startMB: samples[0]!, endMB: samples.at(-1)!, maxMB: Math.max(...samples), samples };
} finally {
  await app.close();
  await bare.close();
  db.close();
  await rm(scratch, { recursive: true, force: true });
}

const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`;
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const table = ['| route | req/s | p50 ms | p99 ms | errors | non-2xx |', '|---|---:|---:|---:|---:|---:|', ...rows.map((r) => `| ${r.name} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`)].join('\n');
const mem = memory ? `\nResident memory over the mixed run: ${memory.startMB} MB at the start, ${memory.endMB} MB at the end, ${memory.maxMB} MB at most (samples every 5 s: ${memory.samples.join(', ')}).\n` : '';
const text = `# Aperture serve benchmark, ${stamp}\n\nMachine: ${machine}. ${connections} connections, ${seconds} s per route, against 127.0.0.1; server and load generator share the 2 cores.\n\n${table}\n${mem}`;
console.log(text);
await mkdir(path.join(PACKAGE_ROOT, 'bench', 'results'), { recursive: true });
await writeFile(path.join(PACKAGE_ROOT, 'bench', 'results', `serve-${stamp}.md`), text);
await writeFile(path.join(PACKAGE_ROOT, 'bench', 'results', `serve-${stamp}.json`), JSON.stringify({ machine, connections, seconds, rows, memory }, null, 2) + '\n');
