/**
 * First render of each dashboard page on the shipped data: a fresh app per run (empty page
 * cache), one inject per page, the time to the full HTML. Usage: npx tsx bench/first-render.ts
 * (the database must have been built, e.g. by `npx aperture build`).
 */
import { writeFileSync } from 'node:fs';
import { openDb } from '../src/store/db.js';
import { build } from '../src/surfaces/server/build.js';

const URLS = ['/', '/countries/US', '/countries/CN', '/signals', '/trends', '/trends?by=org&period=quarter', '/glossary', '/releases', '/releases/llama-3.1-405b-instruct', '/labs/meta'];
const db = await openDb(process.env.APERTURE_DB ?? '.aperture/aperture.duckdb', { readOnly: true });
const rows: string[] = ['| page | status | first render (ms) |', '|---|---|---|'];
for (const url of URLS) {
  const app = await build({ db });
  const t = performance.now();
  const r = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
  const ms = performance.now() - t;
  rows.push(`| ${url} | ${r.statusCode} | ${ms.toFixed(0)} |`);
  await app.close();
}
db.close();
const out = `# First render on the shipped data (${new Date().toISOString().slice(0, 10)}, machine shared and loaded)\n\n${rows.join('\n')}\n`;
writeFileSync('bench/results/first-render.md', out);
console.log(out);
