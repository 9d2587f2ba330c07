/**
 * Benchmarks of the core paths on the shipped fact base: load + validate, full build (rubrics
 * included), the main read queries and analytics, and a Hub refresh of every release's repos
 * against a local server that answers as the Hub does (no network). Prints a table and saves it
 * under bench/results/. Timings belong here, never in tests. Run with `npm run bench`.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { defaultDataDir, PACKAGE_ROOT } from '../src/lib/paths.js';
import { loadAndValidate } from '../src/facts/validate.js';
import { buildDatabase } from '../src/store/build.js';
import { openDb } from '../src/store/db.js';
import { queries } from '../src/store/queries.js';
import { statsView } from '../src/views/stats.js';
import { AdoptionParams, adoptionView } from '../src/views/adoption.js';
import { BestOpenParams, bestOpenView } from '../src/views/best-open.js';
import { ClaimsParams, claimsView } from '../src/views/claims.js';
import { GapParams, gapView } from '../src/views/gap.js';
import { TrendsParams, trendsView } from '../src/views/trends.js';
import { loadFacts } from '../src/facts/load.js';
import { refreshHub } from '../src/sources/hf-hub/index.js';
import { startLocalHub } from './local-hub.js';

interface Measure {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  heapMB: number;
  rssMB: number;
}

async function measure(name: string, runs: number, fn: () => Promise<unknown>): Promise<Measure> {
  const times: number[] = [];
  let heap = 0;
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
    const mem = process.memoryUsage();
    heap = Math.max(heap, mem.heapUsed);
    rss = Math.max(rss, mem.rss);
  }
  times.sort((a, b) => a - b);
  const mb = (n: number) => Math.round(n / 1e5) / 10;
  return { name, runs, medianMs: round(times[Math.floor(runs / 2)]!), minMs: round(times[0]!), maxMs: round(times[runs - 1]!), heapMB: mb(heap), rssMB: mb(rss) };
}

const round = (n: number) => Math.round(n * 10) / 10;

const dataDir = process.env.APERTURE_DATA ?? defaultDataDir();
const scratch = await mkdtemp(path.join(tmpdir(), 'aperture-bench-'));
const dbPath = path.join(scratch, 'bench.duckdb');
const results: Measure[] = [];
try {
  results.push(await measure('load + validate data/', 5, () => loadAndValidate(dataDir)));
  results.push(await measure('build database (validate, rubrics, atomic write)', 3, () => buildDatabase({ dataDir, dbPath })));
  const db = await openDb(dbPath, { readOnly: true });
  try {
    results.push(await measure('query: stats', 20, () => statsView(db)));
    results.push(await measure('query: all releases', 20, () => queries.releases(db, {})));
    results.push(await measure('query: releases --country CN --q qwen', 20, () => queries.releases(db, { country: 'CN', q: 'qwen' })));
    results.push(await measure('query: one release with components', 20, () => queries.releaseComponents(db, 'llama-3.1-405b-instruct')));
    results.push(await measure('query: licenses', 20, () => queries.licenses(db)));
    results.push(await measure('analytics: trends by country per year', 10, () => trendsView(db, TrendsParams.parse({}))));
    results.push(await measure('analytics: best-open (arena, top 10)', 10, () => bestOpenView(db, BestOpenParams.parse({}))));
    results.push(await measure('analytics: gap (arena, monthly)', 10, () => gapView(db, GapParams.parse({}))));
    results.push(await measure('analytics: adoption by country', 10, () => adoptionView(db, AdoptionParams.parse({}))));
    results.push(await measure('analytics: claims as of today', 5, () => claimsView(db, ClaimsParams.parse({ as_of: 'today' }))));
  } finally {
    db.close();
  }
  // Every distinct hf_repos entry, as `aperture refresh hub` reads them, from a local Hub.
  const { facts } = await loadFacts(dataDir);
  const repos = [...new Set(facts.releases.flatMap((r) => r.value.hf_repos ?? []))];
  const hub = await startLocalHub();
  try {
    results.push(await measure(`hub refresh: ${repos.length} repos, concurrency 4 (local server)`, 3, () => refreshHub(repos, { hubUrl: hub.url, concurrency: 4, timeoutMs: 20_000 })));
  } finally {
    await hub.close();
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}

const header = '| benchmark | runs | median ms | min ms | max ms | heap MB | rss MB |\n|---|---:|---:|---:|---:|---:|---:|';
const rows = results.map((r) => `| ${r.name} | ${r.runs} | ${r.medianMs} | ${r.minMs} | ${r.maxMs} | ${r.heapMB} | ${r.rssMB} |`);
const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const text = `# Aperture benchmarks, ${stamp}\n\nMachine: ${machine}. Data: ${path.relative(PACKAGE_ROOT, dataDir) || dataDir}.\n\n${header}\n${rows.join('\n')}\n`;
console.log(text);
await mkdir(path.join(PACKAGE_ROOT, 'bench', 'results'), { recursive: true });
await writeFile(path.join(PACKAGE_ROOT, 'bench', 'results', `${stamp}.md`), text);
await writeFile(path.join(PACKAGE_ROOT, 'bench', 'results', `${stamp}.json`), JSON.stringify({ machine, results }, null, 2) + '\n');
