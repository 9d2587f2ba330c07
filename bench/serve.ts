/**
 * Server throughput under load, against 127.0.0.1 only and bounded in time. The server runs in
 * a child process (bench/serve-server.ts) with a bare Fastify route answering `{}` beside it,
 * the ceiling this machine allows, measured in the same run; autocannon loads each route with
 * 50 and then 200 connections. Then a mixed run walks the site as a crawler does (every page,
 * sort, order, size and facet link of the release list, the sources pages, labs, countries,
 * release pages, the JSON and CSV twins) on 4 connections beside 46 readers of the popular
 * pages, sampling the server's resident memory every 5 s.
 * Timings belong here, never in tests.
 *
 *   npm run bench:serve [-- --seconds N --mixed-seconds N --db FILE]
 *   npm run bench:soak            (the mixed run for 5 minutes: --mixed-seconds 300 --soak)
 *
 * Saves a table under bench/results/serve-<stamp>.{md,json} (soak-<stamp> for the soak).
 */
import { fork } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { defaultDataDir, PACKAGE_ROOT } from '../src/lib/paths.js';
import { buildDatabase } from '../src/store/build.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const seconds = Number(arg('--seconds') ?? 10);
const mixedSeconds = Number(arg('--mixed-seconds') ?? 120);
const soak = process.argv.includes('--soak');
const CONNECTIONS = [50, 200];

const scratch = await mkdtemp(path.join(tmpdir(), 'aperture-serve-bench-'));
let dbPath = arg('--db');
if (!dbPath) {
  dbPath = path.join(scratch, 'bench.duckdb');
  const built = await buildDatabase({ dataDir: process.env.APERTURE_DATA ?? defaultDataDir(), dbPath });
  if (!built.ok) throw new Error('the data does not build');
}

const server = fork(path.join(PACKAGE_ROOT, 'bench', 'serve-server.ts'), [dbPath], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
type Mem = { warmMs?: number; rssMB: number; heapMB: number; cacheMB: number; responses: number };
const next = <T>(type: string) => new Promise<T>((resolve) => server.on('message', function on(m: { type: string } & T) {
  if (m.type === type) (server.off('message', on), resolve(m));
}));
const ready = await next<{ base: string; bareBase: string; firstMs: number }>('ready');
const memory = () => (server.send({ type: 'rss' }), next<Mem>('rss'));

interface Row { name: string; connections: number; reqPerSec: number; ofBare: string; p50: number; p99: number; errors: number; non2xx: number }
const rows: Row[] = [];
const bareRate = new Map<number, number>();
async function load(name: string, origin: string, paths: string[], duration: number, connections: number): Promise<Row> {
  let i = 0;
  const result = await autocannon({
    url: origin,
    connections,
    duration,
    // The server's own request timeout: a response later than that is an error.
    timeout: 30,
    // Each request takes the next URL of the walk, whichever connection sends it.
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  const reqPerSec = Math.round(result.requests.average);
  const bare = bareRate.get(connections);
  const row = { name, connections, reqPerSec, ofBare: bare ? `${Math.round((100 * reqPerSec) / bare)}%` : '100%', p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
  rows.push(row);
  console.log(JSON.stringify(row));
  return row;
}

/** The links a crawler finds: release-list pages, sorts, orders, sizes and facets, and the pages they lead to. */
async function crawl(base: string): Promise<string[]> {
  const table = (await (await fetch(`${base}/api/releases?size=10000`)).json()) as { data: { rows: { id: string; org: string; country: string }[]; facets: Record<string, { value: string }[]> } };
  const urls = new Set<string>(['/', '/releases', '/labs', '/licenses', '/countries', '/claims', '/trends', '/signals', '/best-open', '/gap', '/sources', '/glossary', '/api/releases', '/index.json']);
  const facets = Object.entries(table.data.facets).flatMap(([f, values]) => values.slice(0, 8).map((v) => `${f}=${encodeURIComponent(v.value)}`));
  for (const filter of ['', ...facets]) {
    for (const sort of ['date', 'name', 'org', 'params']) {
      for (const order of ['', '&order=asc']) {
        for (let page = 1; page <= 4; page++) {
          const q = `${filter ? `${filter}&` : ''}sort=${sort}${order}&page=${page}`;
          urls.add(`/releases?${q}`);
          if (page === 1) urls.add(`/releases.json?${q}&size=25`);
        }
      }
    }
  }
  for (let page = 1; page <= 30; page++) urls.add(`/sources?page=${page}&size=50`);
  for (const r of table.data.rows.slice(0, 400)) urls.add(`/releases/${r.id}`);
  for (const org of [...new Set(table.data.rows.map((r) => r.org))].slice(0, 100)) urls.add(`/labs/${org}`);
  for (const c of [...new Set(table.data.rows.map((r) => r.country))]) urls.add(`/countries/${c}`);
  for (const by of ['country', 'org']) for (const period of ['year', 'half', 'quarter']) urls.add(`/trends?by=${by}&period=${period}`);
  urls.add('/releases.csv');
  // Interleaved, so every stretch of the walk mixes page kinds.
  return [...urls].map((u, i) => ({ u, k: (i * 2654435761) % 4294967296 })).sort((a, b) => a.k - b.k).map((x) => x.u);
}

let mixed: { urls: number; samples: Mem[]; row: Row } | undefined;
try {
  const origin = ready.base.replace(/\/$/, '');
  if (!soak) {
    for (const connections of CONNECTIONS) {
      bareRate.set(connections, (await load('bare Fastify route {}', ready.bareBase, ['/bare'], seconds, connections)).reqPerSec);
      await load('/api/releases', origin, ['/api/releases'], seconds, connections);
      await load('/ (overview)', origin, ['/'], seconds, connections);
      await load('/releases (HTML)', origin, ['/releases'], seconds, connections);
      await load('/releases.json?country=US&sort=name', origin, ['/releases.json?country=US&sort=name'], seconds, connections);
    }
  }
  // A crawler walking the site (4 connections, each URL new until the walk wraps) beside 46
  // visitors reading the popular pages: the walk grows the caches to their bounds and keeps the
  // database busy, the readers must still be answered.
  const walk = await crawl(origin);
  const popular = ['/', '/api/releases', '/releases', '/labs', '/trends', '/releases.json?country=US&sort=name'];
  const samples: Mem[] = [await memory()];
  const timer = setInterval(() => void memory().then((m) => samples.push(m)), 5000);
  const [crawler] = await Promise.all([
    load(`mixed: crawler walking ${walk.length} distinct URLs, ${mixedSeconds} s`, origin, walk, mixedSeconds, 4),
    load(`mixed: readers of ${popular.length} popular pages, same ${mixedSeconds} s`, origin, popular, mixedSeconds, 46),
  ]);
  clearInterval(timer);
  samples.push(await memory());
  mixed = { urls: walk.length, samples, row: crawler };
} finally {
  server.send({ type: 'stop' });
  await new Promise((r) => server.once('exit', r));
  await rm(scratch, { recursive: true, force: true });
}

const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`;
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const table = ['| route | connections | req/s | of bare | p50 ms | p99 ms | errors | non-2xx |', '|---|---:|---:|---:|---:|---:|---:|---:|', ...rows.map((r) => `| ${r.name} | ${r.connections} | ${r.reqPerSec} | ${r.ofBare} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`)].join('\n');
const s = mixed?.samples ?? [];
const firstHalf = s.slice(1, Math.ceil(s.length / 2)).map((m) => m.rssMB);
const secondHalf = s.slice(Math.ceil(s.length / 2)).map((m) => m.rssMB);
const mem = mixed
  ? `\nServer resident memory over the mixed run (MB, every 5 s): ${s.map((m) => m.rssMB).join(', ')}.\n` +
    `Start ${s[0]!.rssMB} MB, end ${s.at(-1)!.rssMB} MB, at most ${Math.max(...s.map((m) => m.rssMB))} MB; highest of the first half ${Math.max(...firstHalf, 0)} MB, of the second half ${Math.max(...secondHalf, 0)} MB. ` +
    `JS heap ${s[0]!.heapMB} -> ${s.at(-1)!.heapMB} MB; the two caches ${s[0]!.cacheMB} -> ${s.at(-1)!.cacheMB} MB (bounded at 64 + 64 MB), ${s.at(-1)!.responses} responses held.\n`
  : '';
const text = `# Aperture serve ${soak ? 'soak' : 'benchmark'}, ${stamp}\n\nMachine: ${machine}. Server in its own process, autocannon in the parent, against 127.0.0.1; ${soak ? '' : `${seconds} s per route; `}the server warmed the four measured routes in ${ready.firstMs} ms before the first run, and the rest of the site in the background${s.at(-1)?.warmMs ? ` (done after ${Math.round(s.at(-1)!.warmMs! / 1000)} s)` : ' (not done by the end)'}. "of bare" is the route's throughput against the bare Fastify route at the same connections in this run.\n\n${table}\n${mem}`;
console.log(text);
await mkdir(path.join(PACKAGE_ROOT, 'bench', 'results'), { recursive: true });
const name = `${soak ? 'soak' : 'serve'}-${stamp}`;
await writeFile(path.join(PACKAGE_ROOT, 'bench', 'results', `${name}.md`), text);
await writeFile(path.join(PACKAGE_ROOT, 'bench', 'results', `${name}.json`), JSON.stringify({ machine, seconds, firstMs: ready.firstMs, rows, mixed }, null, 2) + '\n');
