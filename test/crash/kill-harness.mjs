#!/usr/bin/env node
/**
 * Kill harness: runs an Aperture command and kills it (SIGKILL) at random points, then checks
 * the state it writes is the old one or the new one, consistent, and that the next complete run
 * leaves no temporaries. Bounded in time for CI: it stops after --kills kills or --budget-ms.
 *
 *   node test/crash/kill-harness.mjs --scenario build --kills 20 --budget-ms 120000 [--seed N]
 *
 * Prints one JSON line with the outcome; exits 1 when a check failed. To add a command (import,
 * snapshot, hub ingest), add a scenario below: how to set up two versions of its input, the
 * command line, how to read the state it wrote, and which files count as leftovers.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'aperture.mjs');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'data');

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const scenarioName = args.scenario ?? 'build';
const kills = Number(args.kills ?? 20);
const budgetMs = Number(args['budget-ms'] ?? 120_000);
let seed = Number(args.seed ?? Date.now() % 100_000);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

/** A release added in the "new" version of the data, so old and new differ in a countable way. */
const EXTRA_RELEASE = `family:
  id: harness-7b
  name: Harness 7B
  org: mistral
  sources: [mistral-7b-announcement]
releases:
  - id: harness-7b
    name: Harness 7B
    date: 2024-01-10
    type: base
    access: [open-weights]
    license: Apache-2.0
    sources: [mistral-7b-announcement]
`;

async function readDb(file) {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const hash = (await conn.runAndReadAll("SELECT value FROM build_info WHERE key = 'data_hash'")).getRowObjectsJS()[0]?.value;
    const releases = Number((await conn.runAndReadAll('SELECT count(*) AS n FROM releases')).getRowObjectsJS()[0]?.n);
    return { hash, releases };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const SCENARIOS = {
  build: {
    /** Two versions of data/: the fixture (old) and the fixture plus one release (new). */
    async setup(work) {
      const dataDir = path.join(work, 'data');
      await cp(FIXTURE, dataDir, { recursive: true });
      return { dataDir, db: path.join(work, 'db', 'aperture.duckdb') };
    },
    async version(ctx, which) {
      const extra = path.join(ctx.dataDir, 'releases', 'mistral', 'harness-7b.yaml');
      if (which === 'new') await writeFile(extra, EXTRA_RELEASE);
      else await rm(extra, { force: true });
    },
    command: (ctx) => ['--data', ctx.dataDir, '--db', ctx.db, 'build'],
    /** The state as a comparable value; throws when it cannot be read (a corrupt database). */
    state: (ctx) => readDb(ctx.db),
    /** Whether the run has started writing (its temporary database exists): kills aim there. */
    async writing(ctx) {
      return (await readdir(path.dirname(ctx.db)).catch(() => [])).some((f) => f.includes('.tmp-'));
    },
    async leftovers(ctx) {
      const dir = path.dirname(ctx.db);
      return (await readdir(dir).catch(() => [])).filter((f) => f !== path.basename(ctx.db));
    },
  },
};

/**
 * Runs the command; with `kill`, kills it either at a random time of the whole run or (half the
 * time) at a random time after it started writing, since start-up is most of a run and a kill
 * there proves little.
 */
function run(cmd, kill) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...cmd], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const started = Date.now();
    const timers = [];
    if (kill && random() < 0.5) timers.push(setTimeout(() => child.kill('SIGKILL'), Math.round(random() * kill.duration * 1.1)));
    else if (kill) {
      const poll = setInterval(async () => {
        if (!(await kill.writing())) return;
        clearInterval(poll);
        timers.push(setTimeout(() => child.kill('SIGKILL'), Math.round(random() * kill.writeMs * 1.2)));
      }, 10);
      timers.push(poll);
    }
    child.on('exit', (code, signal) => {
      for (const t of timers) clearTimeout(t), clearInterval(t);
      resolve({ code, signal, ms: Date.now() - started, stderr });
    });
  });
}

async function main() {
  const scenario = SCENARIOS[scenarioName];
  if (!scenario) throw new Error(`unknown scenario ${scenarioName}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const started = Date.now();
  const work = await mkdtemp(path.join(tmpdir(), `aperture-kill-${scenarioName}-`));
  const problems = [];
  const outcome = { scenario: scenarioName, seed, kills: 0, old: 0, new: 0, completed: 0, leftoversAfterKills: 0, leftoversAtEnd: [], problems };
  try {
    const ctx = await scenario.setup(work);
    // Each version once, uncut, to learn what old and new look like and how long a run takes.
    await scenario.version(ctx, 'new');
    const first = await run(scenario.command(ctx));
    if (first.code !== 0) throw new Error(`uncut run failed: ${first.stderr}`);
    const newState = await scenario.state(ctx);
    await scenario.version(ctx, 'old');
    const second = await run(scenario.command(ctx));
    if (second.code !== 0) throw new Error(`uncut run failed: ${second.stderr}`);
    const oldState = await scenario.state(ctx);
    const duration = Math.max(first.ms, second.ms);
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    let committed = oldState;
    while (outcome.kills < kills && Date.now() - started < budgetMs) {
      // Aim at the other version than the one on disk, so every run has something to write.
      const target = same(committed, oldState) ? 'new' : 'old';
      await scenario.version(ctx, target);
      const r = await run(scenario.command(ctx), { duration, writeMs: Math.max(200, duration / 4), writing: () => scenario.writing(ctx) });
      if (r.signal === 'SIGKILL') outcome.kills++;
      else if (r.code === 0) outcome.completed++;
      else problems.push(`run exited ${r.code}: ${r.stderr.slice(0, 300)}`);
      let state;
      try {
        state = await scenario.state(ctx);
      } catch (error) {
        problems.push(`state unreadable after a kill: ${error.message}`);
        break;
      }
      const expectedNew = target === 'new' ? newState : oldState;
      if (same(state, committed)) outcome.old++;
      else if (same(state, expectedNew)) outcome.new++;
      else problems.push(`state is neither old nor new: ${JSON.stringify(state)}`);
      committed = state;
      if ((await scenario.leftovers(ctx)).length) outcome.leftoversAfterKills++;
    }
    // One complete run: it must clean up every temporary the killed runs left.
    const last = await run(scenario.command(ctx));
    if (last.code !== 0) problems.push(`final run exited ${last.code}: ${last.stderr.slice(0, 300)}`);
    outcome.leftoversAtEnd = await scenario.leftovers(ctx);
    if (outcome.leftoversAtEnd.length) problems.push(`leftovers after a complete run: ${outcome.leftoversAtEnd.join(', ')}`);
  } finally {
    outcome.ms = Date.now() - started;
    await rm(work, { recursive: true, force: true });
  }
  console.log(JSON.stringify(outcome));
  process.exitCode = problems.length ? 1 : 0;
}

main().catch((error) => {
  console.log(JSON.stringify({ scenario: scenarioName, error: String(error?.message ?? error) }));
  process.exitCode = 1;
});
