import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FIXTURES, VALID_DATA } from '../helpers/fixture-data.js';
import { openDb } from '../../src/store/db.js';

const LINEAGE = path.join(FIXTURES, 'hub', 'lineage.ndjson');
let dir: string;
let hubDir: string;
const hub = (...args: string[]) => cli('--data', VALID_DATA, 'hub', '--hub-dir', hubDir, ...args);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-hub-cli-'));
  hubDir = path.join(dir, 'hub');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The README's example query, run over the lake as DuckDB reads it. */
async function lakeQuery(snapshot: string) {
  const db = await openDb(':memory:');
  try {
    const lake = path.join(hubDir, 'lake').replaceAll("'", "''");
    return await db.all<{ country: string; downloads_30d: number }>(`
      SELECT country, sum(downloads_30d) AS downloads_30d
      FROM read_parquet('${lake}/hub_country/*/*.parquet', hive_partitioning = true)
      WHERE snapshot = DATE '${snapshot}' AND rule = 'root'
      GROUP BY country ORDER BY downloads_30d DESC, country`);
  } finally {
    db.close();
  }
}

describe('aperture hub ingest', () => {
  it('writes a gzip listing\'s aggregates to hub.duckdb and a Hive-partitioned lake the example query reads', async () => {
    const gz = path.join(dir, '2026-12-01', 'models.ndjson.gz');
    await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(gz), { recursive: true }));
    await writeFile(gz, gzipSync(await readFile(LINEAGE)));
    const r = await hub('ingest', gz, '--json');
    expect(r.code, r.stderr).toBe(0);
    // The snapshot day comes from the path when --as-of is not given.
    expect(r.json()).toMatchObject({ ok: true, snapshot: '2026-12-01', repos: 15, bad: 0, lineage: { cycles: 1, missingParents: 1 } });
    // Fixture orgs: meta (US, meta-llama), deepseek (CN, deepseek-ai); jointlab maps to none.
    expect(await lakeQuery('2026-12-01')).toEqual([
      { country: 'US', downloads_30d: 191 }, { country: 'CN', downloads_30d: 99 }, { country: 'unknown', downloads_30d: 65 },
    ]);
  });

  it('keeps other snapshots and replaces a re-ingested one', async () => {
    const plain = path.join(dir, 'plain.ndjson');
    await copyFile(LINEAGE, plain);
    expect((await hub('ingest', plain, '--as-of', '2026-12-02')).code).toBe(0);
    const half = path.join(dir, 'half.ndjson');
    await writeFile(half, (await readFile(LINEAGE, 'utf8')).split('\n').slice(0, 5).join('\n') + '\n');
    expect((await hub('ingest', half, '--as-of', '2026-12-02')).code).toBe(0);
    expect(await lakeQuery('2026-12-02')).toEqual([{ country: 'US', downloads_30d: 160 }, { country: 'CN', downloads_30d: 60 }]);
    expect((await lakeQuery('2026-12-01'))[0]).toEqual({ country: 'US', downloads_30d: 191 });
    const u = await hub('unknown', '--top', '2', '--snapshot', '2026-12-01', '--json');
    expect(u.json()).toEqual([
      { snapshot: '2026-12-01', namespace: 'e', repos: 1, downloads_30d: 50, credited_downloads_30d: 0 },
      { snapshot: '2026-12-01', namespace: 'jointlab', repos: 2, downloads_30d: 50, credited_downloads_30d: 50 },
    ]);
  });

  it('lists bad and torn lines by number, keeps the good ones and exits 1', async () => {
    const r = await hub('ingest', path.join(FIXTURES, 'hub', 'invalid.ndjson'), '--as-of', '2026-12-03');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid\.ndjson:2: error: not valid JSON/);
    expect(r.stderr).toMatch(/invalid\.ndjson:8: error: torn last line/);
    expect(r.stdout).toMatch(/2 repos, 5 bad line\(s\) skipped/);
  });

  it('reads Parquet with the hub-stats columns, and names a missing or mistyped column', async () => {
    const db = await openDb(':memory:');
    const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
    const good = path.join(dir, 'stats.parquet'), noId = path.join(dir, 'no-id.parquet'), badType = path.join(dir, 'bad-type.parquet');
    try {
      const src = `read_json(${q(LINEAGE)}, format = 'newline_delimited')`;
      await db.run(`COPY (SELECT id, author, CAST(createdAt AS TIMESTAMP) AS createdAt, downloads, downloadsAllTime, tags FROM ${src}) TO ${q(good)} (FORMAT parquet)`);
      await db.run(`COPY (SELECT author, downloads FROM ${src}) TO ${q(noId)} (FORMAT parquet)`);
      await db.run(`COPY (SELECT id, CAST(downloads AS VARCHAR) AS downloads FROM ${src}) TO ${q(badType)} (FORMAT parquet)`);
    } finally {
      db.close();
    }
    const r = await hub('ingest', good, '--as-of', '2026-12-04', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ repos: 15, lineage: { edges: 13 } });
    // Parquet dumps have no cardData, so g/card is a root of its own (unknown): US loses its 6.
    expect((await lakeQuery('2026-12-04'))[0]).toEqual({ country: 'US', downloads_30d: 185 });
    const missing = await hub('ingest', noId, '--as-of', '2026-12-05');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-id\.parquet: no "id" column \(found: author, downloads\)/);
    const typed = await hub('ingest', badType, '--as-of', '2026-12-05');
    expect(typed.code).toBe(1);
    expect(typed.stderr).toMatch(/bad-type\.parquet: column "downloads" is VARCHAR; expected a number/);
    expect(typed.stderr).toMatch(/nothing was written/);
  });

  it('refuses a file that is not a listing, writing nothing', async () => {
    const r = await hub('ingest', path.join(FIXTURES, 'hub', 'not-a-listing.ndjson'), '--as-of', '2026-12-06');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not-a-listing\.ndjson: no line is a Hub listing record \(line 1: not valid JSON\)/);
    expect(await lakeQuery('2026-12-06')).toEqual([]);
  });
});

describe('aperture hub synth', () => {
  it('writes the same listing for the same seed', async () => {
    const a = path.join(dir, 'a.ndjson'), b = path.join(dir, 'b.ndjson');
    expect((await cli('hub', 'synth', '--repos', '500', '--seed', '3', '--out', a)).code).toBe(0);
    await cli('hub', 'synth', '--repos', '500', '--seed', '3', '--out', b);
    const text = await readFile(a, 'utf8');
    expect(text).toBe(await readFile(b, 'utf8'));
    expect(text.trim().split('\n')).toHaveLength(500);
    expect(text).toMatch(/base_model:merge:/);
  });
});
