/**
 * One measured job of `npm run bench:hub`, in its own process so its peak RSS is its own:
 * `tsx bench/hub-job.ts engine|baseline <listing> <hub-dir>`. Prints one JSON line.
 */
import { loadFacts } from '../src/facts/load.js';
import { defaultDataDir } from '../src/lib/paths.js';
import { factRefs } from '../src/hub/fact-refs.js';
import { buildSnapshot } from '../src/hub/snapshot.js';
import { runBaseline } from '../src/hub/baseline.js';

const [kind, file, hubDir] = process.argv.slice(2) as [string, string, string];
const { orgs, families } = factRefs((await loadFacts(defaultDataDir())).facts);
const t0 = performance.now();
let phases: Record<string, number> = {};
let repos = 0;
if (kind === 'engine') {
  const r = await buildSnapshot({ files: [file], snapshot: '2026-12-01', orgs, families, hubDir });
  if (!r.ok) throw new Error(JSON.stringify(r.fileErrors));
  phases = r.phases;
  repos = r.repos;
} else {
  const r = await runBaseline(file, orgs, families);
  repos = r.country.length;
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ kind, ms, phases, repos, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
