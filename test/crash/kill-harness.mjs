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
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'aperture.mjs');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'data');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

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


/** Every file under a folder, relative, sorted (dot names included: leftovers are dot names). */
async function walk(dir, prefix = '') {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walk(path.join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}
const sha = (b) => createHash('sha256').update(b).digest('hex').slice(0, 16);

/**
 * The import generation a reader sees: CURRENT must name a folder that exists; the state is
 * each of its files with a hash of its content (a fetch record's time of fetching left out),
 * plus the organization table, which the same import writes.
 */
async function generationState(dataDir) {
  const imported = path.join(dataDir, 'imported');
  const current = (await readFile(path.join(imported, 'CURRENT'), 'utf8').catch(() => '')).trim();
  if (!current) return { files: {} };
  if (!(await stat(path.join(imported, current)).catch(() => undefined))) throw new Error(`CURRENT names ${current}, which does not exist`);
  const files = {};
  for (const rel of await walk(path.join(imported, current))) {
    const body = await readFile(path.join(imported, current, rel));
    files[rel] = rel.endsWith('.fetch.json') ? sha(JSON.stringify({ ...JSON.parse(body.toString()), fetched: undefined })) : sha(body);
  }
  const orgs = await readFile(path.join(dataDir, 'orgs-imported', 'orgs.yaml')).catch(() => Buffer.from(''));
  return { files, orgs: sha(orgs) };
}
/** In data/imported: anything but CURRENT and the generation it names. */
async function generationLeftovers(dataDir) {
  const imported = path.join(dataDir, 'imported');
  const current = (await readFile(path.join(imported, 'CURRENT'), 'utf8').catch(() => '')).trim();
  return (await readdir(imported).catch(() => [])).filter((e) => e !== 'CURRENT' && e !== current);
}
const stagingUnder = async (dir) => (await readdir(dir).catch(() => [])).some((f) => f.startsWith('.'));

/** An epoch CSV fixture, and the same with one more row (an organization the data already has). */
const EPOCH_CSV = path.join(FIXTURES, 'imports', 'epoch', 'all_ml_systems_full_view_2025-08-07.csv');
async function epochVersions() {
  const old = await readFile(EPOCH_CSV, 'utf8');
  const header = old.split('\n')[0].split(',');
  const row = header.map((h) => ({ Model: 'Harness Model 7B', Organization: 'Meta AI', 'Publication date': '2024-02-01', Domain: 'Language', 'Model accessibility': 'Open weights (unrestricted)' })[h] ?? '');
  return { old, new: old.replace(/\n?$/, '\n') + row.join(',') + '\n' };
}

/** A local upstream for `ingest`: it serves whichever body the harness sets. */
async function localUpstream() {
  const server = createServer((req, res) => (res.writeHead(200, { 'content-type': 'text/csv' }), res.end(server.body)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return server;
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

  import: {
    /** Two versions of an Epoch CSV, imported in turn; the state is the generation readers see. */
    async setup(work) {
      const dataDir = path.join(work, 'data');
      await cp(FIXTURE, dataDir, { recursive: true });
      return { dataDir, file: path.join(work, 'epoch.csv'), versions: await epochVersions() };
    },
    version: (ctx, which) => writeFile(ctx.file, ctx.versions[which]),
    command: (ctx) => ['--data', ctx.dataDir, 'import', 'epoch', ctx.file, '--snapshot', '2025-08-07'],
    state: (ctx) => generationState(ctx.dataDir),
    writing: (ctx) => stagingUnder(path.join(ctx.dataDir, 'imported')),
    leftovers: (ctx) => generationLeftovers(ctx.dataDir),
  },
  ingest: {
    /** `aperture ingest epoch-eci` from a local server whose table gains a row in the new version. */
    async setup(work) {
      const dataDir = path.join(work, 'data');
      await cp(FIXTURE, dataDir, { recursive: true });
      const old = await readFile(path.join(FIXTURES, 'ingest', 'eci_scores.csv'), 'utf8');
      const server = await localUpstream();
      return { dataDir, db: path.join(work, 'db.duckdb'), server, versions: { old, new: old + 'Llama 3.1 8B Instruct,Llama 3.1 8B Instruct,99.1,97.0,101.2,2024-07-23,Meta AI,United States of America,Open weights (restricted use),Open weights,\n' } };
    },
    version: async (ctx, which) => void (ctx.server.body = ctx.versions[which]),
    command: (ctx) => ['--data', ctx.dataDir, '--db', ctx.db, 'ingest', 'epoch-eci', '--url', `http://127.0.0.1:${ctx.server.address().port}/data/eci_scores.csv`],
    state: (ctx) => generationState(ctx.dataDir),
    writing: (ctx) => stagingUnder(path.join(ctx.dataDir, 'imported')),
    leftovers: (ctx) => generationLeftovers(ctx.dataDir),
    teardown: (ctx) => ctx.server.close(),
  },
  snapshot: {
    /** Each complete run adds one snapshot: the state is the list of complete, intact snapshots. */
    async setup(work) {
      const dataDir = path.join(work, 'data');
      await cp(FIXTURE, dataDir, { recursive: true });
      const ctx = { dataDir, db: path.join(work, 'db', 'aperture.duckdb'), root: path.join(work, 'snapshots') };
      const built = await run(['--data', dataDir, '--db', ctx.db, 'build']);
      if (built.code !== 0) throw new Error(`build failed: ${built.stderr}`);
      return ctx;
    },
    version: async () => {},
    // Ids are the UTC second: a run waits for the next second so two never share one.
    before: () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5)),
    command: (ctx) => ['--data', ctx.dataDir, '--db', ctx.db, 'snapshot', '--snapshots', ctx.root],
    async state(ctx) {
      const ids = (await readdir(ctx.root).catch(() => [])).filter((e) => !e.startsWith('.')).sort();
      for (const id of ids) {
        const sums = await readFile(path.join(ctx.root, id, 'SHA256SUMS'), 'utf8').catch(() => '');
        if (!sums) throw new Error(`snapshot ${id} has no SHA256SUMS: a half snapshot is visible`);
        for (const line of sums.trim().split('\n')) {
          const [hash, file] = line.split(/\s+\*?/);
          const body = await readFile(path.join(ctx.root, id, file)).catch(() => undefined);
          if (!body || createHash('sha256').update(body).digest('hex') !== hash) throw new Error(`snapshot ${id}: ${file} does not match its checksum`);
        }
      }
      return { snapshots: ids.length };
    },
    /** Old: as many snapshots as before; new: one more. */
    judge: (before, after) => (after.snapshots === before.snapshots ? 'old' : after.snapshots === before.snapshots + 1 ? 'new' : `went from ${before.snapshots} to ${after.snapshots} snapshots`),
    writing: (ctx) => stagingUnder(ctx.root),
    leftovers: async (ctx) => (await readdir(ctx.root).catch(() => [])).filter((e) => e.startsWith('.')),
  },
  'hub-ingest': {
    /** A small Hub listing, and the same with one more repo, ingested as one day's snapshot. */
    async setup(work) {
      const dataDir = path.join(work, 'data');
      await cp(FIXTURE, dataDir, { recursive: true });
      const old = await readFile(path.join(FIXTURES, 'hub', 'lineage.ndjson'), 'utf8');
      const extra = JSON.stringify({ id: 'harness/extra-ft', createdAt: '2024-09-01T00:00:00.000Z', downloads: 7, downloadsAllTime: 9, tags: ['base_model:finetune:meta-llama/Llama-3.1-8B-Instruct'] });
      return { dataDir, hubDir: path.join(work, 'hub'), file: path.join(work, 'listing.ndjson'), versions: { old, new: old.replace(/\n?$/, '\n') + extra + '\n' } };
    },
    version: (ctx, which) => writeFile(ctx.file, ctx.versions[which]),
    command: (ctx) => ['--data', ctx.dataDir, 'hub', '--hub-dir', ctx.hubDir, 'ingest', ctx.file, '--as-of', '2026-01-15'],
    /**
     * The day's repo count in hub.duckdb; and every lake table's partition of the day must hold
     * exactly the rows the database holds for it (a lake with some tables old and some new, or
     * a partition missing, is a mixed state). Row contents carry the time written, so the
     * judge compares counts against the version aimed at.
     */
    async state(ctx) {
      const instance = await DuckDBInstance.create(path.join(ctx.hubDir, 'hub.duckdb'), { access_mode: 'READ_ONLY' });
      const conn = await instance.connect();
      const one = async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS()[0];
      try {
        const repos = Number((await one("SELECT repos FROM hub_snapshots WHERE snapshot = DATE '2026-01-15'"))?.repos ?? 0);
        for (const t of ['hub_snapshots', 'hub_country', 'hub_org', 'hub_family', 'hub_unknown', 'hub_derivative_share']) {
          const glob = path.join(ctx.hubDir, 'lake', t, 'snapshot=2026-01-15', '*.parquet').replaceAll("'", "''");
          const lake = `(SELECT * EXCLUDE (snapshot) FROM read_parquet('${glob}', hive_partitioning = true))`;
          const db = `(SELECT * EXCLUDE (snapshot) FROM ${t} WHERE snapshot = DATE '2026-01-15')`;
          const diff = await one(`SELECT (SELECT count(*) FROM (${db} EXCEPT ALL ${lake})) + (SELECT count(*) FROM (${lake} EXCEPT ALL ${db})) AS n`).catch((e) => ({ n: `unreadable: ${e.message}` }));
          // A disagreement is allowed only where the writer declared it: its pending marker for
          // the day says the lake lags the database, and the next ingest repairs it (checked
          // by the leftovers at the end, which the marker counts among).
          const declared = (await readdir(ctx.hubDir).catch(() => [])).some((e) => e.startsWith('.lake-pending-2026-01-15-'));
          if (diff.n !== 0 && diff.n !== 0n && !declared) throw new Error(`lake table ${t} disagrees with hub.duckdb for the day (${diff.n} rows differ) and no pending marker says so: a mixed state`);
        }
        return { repos };
      } finally {
        conn.closeSync();
        instance.closeSync();
      }
    },
    judge: (before, after, target, states) => (after.repos === before.repos ? 'old' : after.repos === states[target].repos ? 'new' : `${after.repos} repos, neither ${before.repos} nor ${states[target].repos}`),
    writing: (ctx) => stagingUnder(ctx.hubDir),
    leftovers: async (ctx) => [...(await readdir(ctx.hubDir).catch(() => [])).filter((e) => e.startsWith('.') || e.endsWith('.wal')), ...(await walk(path.join(ctx.hubDir, 'lake'))).filter((f) => f.includes('.old-'))],
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
  let ctx;
  try {
    ctx = await scenario.setup(work);
    // Each version once, uncut, to learn what old and new look like and how long a run takes.
    await scenario.version(ctx, 'new');
    await scenario.before?.();
    const first = await run(scenario.command(ctx));
    if (first.code !== 0) throw new Error(`uncut run failed: ${first.stderr}`);
    const newState = await scenario.state(ctx);
    await scenario.version(ctx, 'old');
    await scenario.before?.();
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
      await scenario.before?.();
      const r = await run(scenario.command(ctx), { duration, writeMs: Math.max(200, duration / 4), writing: () => scenario.writing(ctx) });
      if (r.signal === 'SIGKILL') outcome.kills++;
      // A run killed by SIGKILL or completed; an ingest or import refusing (exit 1) is a problem too.
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
      const verdict = scenario.judge ? scenario.judge(committed, state, target, { new: newState, old: oldState }) : same(state, committed) ? 'old' : same(state, expectedNew) ? 'new' : `state is neither old nor new: ${JSON.stringify(state)}`;
      if (verdict === 'old' || verdict === 'new') outcome[verdict]++;
      else problems.push(verdict);
      committed = state;
      if ((await scenario.leftovers(ctx)).length) outcome.leftoversAfterKills++;
    }
    // One complete run: it must clean up every temporary the killed runs left.
    await scenario.before?.();
    const last = await run(scenario.command(ctx));
    if (last.code !== 0) problems.push(`final run exited ${last.code}: ${last.stderr.slice(0, 300)}`);
    outcome.leftoversAtEnd = await scenario.leftovers(ctx);
    if (outcome.leftoversAtEnd.length) problems.push(`leftovers after a complete run: ${outcome.leftoversAtEnd.join(', ')}`);
  } finally {
    if (ctx) await scenario.teardown?.(ctx);
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
