/**
 * `npm run bench:hub [sizes...]`: the Hub job end to end (read, lineage, attribution,
 * aggregates, DuckDB tables and Parquet lake) on synthetic listings of 250k, 500k, 1M and 2M
 * repos, from NDJSON and from Parquet, against the same job as plain DuckDB SQL over the same
 * NDJSON (read_json, recursive CTEs, GROUP BY). Each job runs in its own process for its peak
 * RSS. Saves a Markdown and a JSON table under bench/results/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/lib/paths.js';
import { writeSynth, writeSynthParquet } from '../src/hub/synth.js';

const sizes = (process.argv.slice(2).length ? process.argv.slice(2) : ['250000', '500000', '1000000', '2000000']).map(Number);
const skipBaselineAbove = Number(process.env.BENCH_HUB_BASELINE_MAX ?? Infinity);
const tsx = path.join(PACKAGE_ROOT, 'node_modules', '.bin', 'tsx');

interface Job { kind: string; ms: number; phases: Record<string, number>; maxRssMb: number }
const job = (kind: string, file: string, hubDir: string): Job =>
  JSON.parse(execFileSync(tsx, [path.join(PACKAGE_ROOT, 'bench', 'hub-job.ts'), kind, file, hubDir], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').at(-1)!);

const dir = await mkdtemp(path.join(tmpdir(), 'aperture-bench-hub-'));
const rows: Record<string, unknown>[] = [];
try {
  for (const n of sizes) {
    const nd = path.join(dir, `listing-${n}.ndjson`);
    const pq = path.join(dir, `listing-${n}.parquet`);
    await writeSynth({ repos: n, seed: 1 }, nd);
    await writeSynthParquet({ repos: n, seed: 1 }, pq);
    const engine = job('engine', nd, path.join(dir, `hub-nd-${n}`));
    const parquet = job('engine', pq, path.join(dir, `hub-pq-${n}`));
    const baseline = n <= skipBaselineAbove ? job('baseline', nd, '') : undefined;
    const row = {
      repos: n, ndjson_mb: Math.round((await stat(nd)).size / 1e6), parquet_mb: Math.round((await stat(pq)).size / 1e6),
      engine_ndjson_ms: Math.round(engine.ms), engine_ndjson_rss_mb: Math.round(engine.maxRssMb),
      engine_parquet_ms: Math.round(parquet.ms), engine_parquet_rss_mb: Math.round(parquet.maxRssMb),
      baseline_sql_ms: baseline ? Math.round(baseline.ms) : null, baseline_sql_rss_mb: baseline ? Math.round(baseline.maxRssMb) : null,
      speedup_vs_sql: baseline ? Number((baseline.ms / engine.ms).toFixed(2)) : null,
      parquet_vs_ndjson: Number((engine.ms / parquet.ms).toFixed(2)),
      phases_ndjson_ms: Object.fromEntries(Object.entries(engine.phases).map(([k, v]) => [k, Math.round(v)])),
      phases_parquet_ms: Object.fromEntries(Object.entries(parquet.phases).map(([k, v]) => [k, Math.round(v)])),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
    await rm(nd, { force: true });
    await rm(pq, { force: true });
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19);
const phase = (p: Record<string, number>) => `read ${p.read} / lineage ${p.lineage} / aggregate ${p.aggregate} / write ${p.write}`;
const md = [
  `# Hub benchmark ${stamp}`,
  '',
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; load average at start ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
  'Synthetic listings (`aperture hub synth`, seed 1). Wall time of one run per job, each in its own process; peak RSS from getrusage.',
  '',
  '| repos | NDJSON MB | engine NDJSON ms | RSS MB | engine Parquet ms | RSS MB | plain SQL ms | RSS MB | engine vs SQL | Parquet vs NDJSON | phases NDJSON ms | phases Parquet ms |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ...rows.map((r) => `| ${r.repos} | ${r.ndjson_mb} | ${r.engine_ndjson_ms} | ${r.engine_ndjson_rss_mb} | ${r.engine_parquet_ms} | ${r.engine_parquet_rss_mb} | ${r.baseline_sql_ms ?? 'not run'} | ${r.baseline_sql_rss_mb ?? ''} | ${r.speedup_vs_sql ?? ''}${r.speedup_vs_sql ? 'x' : ''} | ${r.parquet_vs_ndjson}x | ${phase(r.phases_ndjson_ms as Record<string, number>)} | ${phase(r.phases_parquet_ms as Record<string, number>)} |`),
  '',
].join('\n');
await mkdir(path.join(PACKAGE_ROOT, 'bench', 'results'), { recursive: true });
await writeFile(path.join(PACKAGE_ROOT, 'bench', 'results', `hub-${stamp}.md`), md);
await writeFile(path.join(PACKAGE_ROOT, 'bench', 'results', `hub-${stamp}.json`), JSON.stringify(rows, null, 2) + '\n');
console.log(md);
