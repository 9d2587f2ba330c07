/**
 * First render of every dashboard page on the shipped data, two ways:
 *  - cold: a fresh app per page (empty page and response caches), one request, the time to
 *    the full HTML. Drawn chart SVGs are cached per process, so a chart shared by two pages
 *    is drawn once; pages are measured in the order below.
 *  - served: one app as `aperture serve` runs it, which warms every list page (and the claim
 *    pages) in the background at start; after the warm-up, the first request of each page.
 * Usage: npx tsx bench/first-render.ts [--db FILE] (default .aperture/aperture.duckdb, made by
 * `npx aperture build`). Writes bench/results/first-render.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { openDb } from '../src/store/db.js';
import { build } from '../src/surfaces/server/build.js';
import { warmUp } from '../src/surfaces/server/warm.js';
import { PAGES } from '../src/surfaces/web/pages/index.js';

const i = process.argv.indexOf('--db');
const db = await openDb(i >= 0 ? process.argv[i + 1]! : (process.env.APERTURE_DB ?? '.aperture/aperture.duckdb'), { readOnly: true });

const urls: string[] = [];
for (const page of PAGES) {
  if (!page.path.includes(':id')) urls.push(page.path);
  else {
    const ids = (await page.ids?.(db).catch(() => [])) ?? [];
    if (ids[0]) urls.push(page.path.replace(':id', encodeURIComponent(ids[0])));
  }
}
urls.push('/countries/US', '/countries/CN', '/trends?by=org&period=quarter', '/releases?country=CN&sort=params', '/releases/llama-3.1-405b-instruct', '/labs/meta');

const time = async (app: Awaited<ReturnType<typeof build>>, url: string) => {
  const t = performance.now();
  const r = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
  return { status: r.statusCode, ms: Math.round(performance.now() - t) };
};

const cold = new Map<string, { status: number; ms: number }>();
for (const url of urls) {
  const app = await build({ db });
  cold.set(url, await time(app, url));
  await app.close();
}

const app = await build({ db });
const t = performance.now();
await warmUp(app, db, PAGES);
const warmMs = Math.round(performance.now() - t);
const served = new Map<string, { status: number; ms: number }>();
for (const url of urls) served.set(url, await time(app, url));
await app.close();
db.close();

const rows = urls.map((u) => `| ${u} | ${cold.get(u)!.status} | ${cold.get(u)!.ms} | ${served.get(u)!.ms} |`);
const over = urls.filter((u) => served.get(u)!.ms >= 300);
const out = `# First render on the shipped data (${new Date().toISOString().slice(0, 16)}Z)

Machine: ${cpus().length} cores shared with other work, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} at the end: timings are noisy.
Goal (issue #14): the first render of every page under 300 ms. "cold" is a fresh app with empty caches;
"served" is the first request of the page to a server that warmed its list pages in the background
at start (${warmMs} ms here, while it already answered requests). Pages at or over 300 ms when served: ${over.length ? over.join(', ') : 'none'}.

| page | status | cold (ms) | served, first request (ms) |
|---|---|---:|---:|
${rows.join('\n')}
`;
writeFileSync('bench/results/first-render.md', out);
console.log(out);
