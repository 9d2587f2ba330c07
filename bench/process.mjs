#!/usr/bin/env node
/**
 * Whole-process benchmark: what a user waits for when typing a command, measured against bare
 * `node -e 0` in the same run (interleaved, so machine load hits both alike). Also times
 * `aperture build` as a command. Plain JavaScript so it measures the CLI, not a transpiler.
 * Usage: node bench/process.mjs [--runs N] [--label TEXT] [--no-build]
 * Prints a table and saves it under bench/results/process-<stamp>.{md,json}.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const runs = Number(flag('--runs', '7'));
const label = flag('--label', '');
const withBuild = !argv.includes('--no-build');
const bin = path.join(root, 'bin', 'aperture.mjs');

// A private database so the bench neither depends on nor disturbs the user's .aperture/.
const scratch = mkdtempSync(path.join(tmpdir(), 'aperture-process-bench-'));
const db = path.join(scratch, 'bench.duckdb');
const env = { ...process.env, APERTURE_DB: db };

function time(cmd, args) {
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const cases = [
  ['node -e 0', 'node', ['-e', '0']],
  ['aperture --help', 'node', [bin, '--help']],
  ['aperture stats --json', 'node', [bin, 'stats', '--json']],
  ['aperture release llama-3.1-405b-instruct --json', 'node', [bin, 'release', 'llama-3.1-405b-instruct', '--json']],
  ['aperture releases --country CN --json', 'node', [bin, 'releases', '--country', 'CN', '--json']],
];

const results = [];
try {
  // The first read builds the database; that is the build measured as a command below.
  time('node', [bin, 'build']);
  const times = new Map(cases.map(([name]) => [name, []]));
  for (let i = 0; i < runs; i++) for (const [name, cmd, args] of cases) times.get(name).push(time(cmd, args));
  if (withBuild) {
    const buildRuns = Math.max(3, Math.ceil(runs / 2));
    times.set('aperture build (command)', []);
    for (let i = 0; i < buildRuns; i++) times.get('aperture build (command)').push(time('node', [bin, 'build']));
  }
  const baseline = median(times.get('node -e 0'));
  for (const [name, list] of times) {
    const sorted = [...list].sort((a, b) => a - b);
    results.push({ name, runs: list.length, medianMs: round(median(list)), minMs: round(sorted[0]), maxMs: round(sorted.at(-1)), xNode: round(median(list) / baseline) });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function median(list) {
  const s = [...list].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function round(n) {
  return Math.round(n * 10) / 10;
}

const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`;
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const header = '| command | runs | median ms | min ms | max ms | x node -e 0 |\n|---|---:|---:|---:|---:|---:|';
const rows = results.map((r) => `| ${r.name} | ${r.runs} | ${r.medianMs} | ${r.minMs} | ${r.maxMs} | ${r.xNode} |`);
const text = `# Aperture whole-process benchmark, ${stamp}${label ? ` (${label})` : ''}\n\nMachine: ${machine}.\n\n${header}\n${rows.join('\n')}\n`;
console.log(text);
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'results', `process-${stamp}.md`), text);
writeFileSync(path.join(root, 'bench', 'results', `process-${stamp}.json`), JSON.stringify({ machine, label, results }, null, 2) + '\n');
