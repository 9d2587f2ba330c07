import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { build } from '../../src/surfaces/server/build.js';
import { exportFieldDoc } from '../../src/store/snapshots/field-docs.js';
import { historyFixture } from './fixture.js';

let fx: Awaited<ReturnType<typeof historyFixture>>;
beforeAll(async () => {
  fx = await historyFixture();
}, 120_000);
afterAll(() => fx.cleanup());

const out = (name: string) => path.join(fx.root, 'out', name);

describe('aperture export', () => {
  it('export releases --format parquet writes a file DuckDB reads back with the documented schema', async () => {
    const r = await fx.q('export', 'releases', '--format', 'parquet', '--out', out('releases.parquet'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const db = await openDb(':memory:');
    try {
      const file = out('releases.parquet');
      const cols = await db.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
      expect(cols.map((c) => `${c.column_name} ${c.column_type}`)).toEqual([
        'id VARCHAR', 'name VARCHAR', 'org VARCHAR', 'org_name VARCHAR', 'country VARCHAR', 'countries VARCHAR[]', 'date VARCHAR', 'type VARCHAR', 'params_total DOUBLE', 'params_active DOUBLE',
        'access VARCHAR', 'weights_available BOOLEAN', 'license VARCHAR', 'flagship BOOLEAN', 'family VARCHAR', 'channels VARCHAR[]', 'date_start DATE', 'date_precision VARCHAR', 'date_kind VARCHAR',
        'base_model_id VARCHAR', 'modalities VARCHAR[]', 'hf_repos VARCHAR[]', 'file VARCHAR', 'line INTEGER',
      ]);
      const row = await db.one<{ id: string; channels: string[]; license: string }>(`SELECT id, channels, license FROM read_parquet('${file}') WHERE id = 'gpt-oss-120b'`);
      expect(row).toEqual({ id: 'gpt-oss-120b', channels: ['api', 'open-weights'], license: 'Apache-2.0' });
      expect(r.json<{ files: { rows: number }[] }>().files[0]!.rows).toBe((await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`))!.n);
    } finally {
      db.close();
    }
  });

  it('export claims --format json has each claim with its verdicts', async () => {
    const r = await fx.q('export', 'claims', '--out', out('claims.json'), '--as-of', '2025-12-04');
    expect(r.code).toBe(0);
    const rows = JSON.parse(await readFile(out('claims.json'), 'utf8')) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(3);
    for (const c of rows) {
      expect(['supported', 'partly-supported', 'contradicted', 'not-enough-data']).toContain(c.verdict_said);
      expect(c.as_of).toBe('2025-12-04');
      expect(Array.isArray(c.evidence_sources)).toBe(true);
    }
  });

  it('export all --format ndjson writes one file per table, one JSON object a line', async () => {
    const r = await fx.q('export', 'all', '--format', 'ndjson', '--out', out('all'), '--json');
    expect(r.code).toBe(0);
    const files = r.json<{ files: { table: string; file: string; rows: number }[] }>().files;
    for (const t of ['releases', 'components', 'licenses', 'assessments', 'openness', 'capability_observations', 'adoption_observations', 'events', 'claims']) expect(files.map((f) => f.table)).toContain(t);
    const components = files.find((f) => f.table === 'components')!;
    const lines = (await readFile(components.file, 'utf8')).trim().split('\n');
    expect(lines.length).toBe(components.rows);
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual(['release_id', 'component', 'status', 'license', 'url', 'source_id', 'declared']);
  });

  it('every field of every export is described, and in data/README.md', async () => {
    const r = await fx.q('export', 'all', '--format', 'csv', '--out', out('csv'), '--json');
    const readme = await readFile(path.resolve(import.meta.dirname, '..', '..', 'data', 'README.md'), 'utf8');
    const missing: string[] = [];
    for (const f of r.json<{ files: { table: string; columns: { name: string; type: string }[] }[] }>().files) {
      const section = readme.slice(readme.indexOf(`#### ${f.table}\n`)).split('\n#### ')[0]!;
      expect(section.length, `data/README.md documents ${f.table}`).toBeGreaterThan(20);
      for (const c of f.columns) {
        if (!exportFieldDoc(f.table, c.name)) missing.push(`${f.table}.${c.name}`);
        if (!section.includes(`| ${c.name} | ${c.type} |`)) missing.push(`data/README.md: ${f.table}.${c.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the releases export and the dashboard's /releases.csv and /releases.json twins agree on field names and values", async () => {
    await fx.q('export', 'releases', '--format', 'csv', '--out', out('releases.csv'));
    const exported = (await readFile(out('releases.csv'), 'utf8')).split('\n')[0]!.trim().split(',');
    const db = await openDb(fx.dbPath, { readOnly: true });
    const app = await build({ db });
    try {
      const csv = await app.inject({ url: '/releases.csv?size=10000' });
      const dashboardColumns = csv.body.split('\r\n')[0]!.split(',');
      for (const c of dashboardColumns) expect(exported).toContain(c);
      const res = await app.inject({ url: '/releases.json?size=10000' });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const json = res.json<{ data: { rows: Record<string, unknown>[] } }>().data;
      await fx.q('export', 'releases', '--out', out('releases.json'));
      const ours = JSON.parse(await readFile(out('releases.json'), 'utf8')) as Record<string, unknown>[];
      const theirs = json.rows.find((x) => x.id === 'gpt-oss-120b')!;
      const mine = ours.find((x) => x.id === 'gpt-oss-120b')!;
      for (const [k, v] of Object.entries(theirs)) expect([k, mine[k]]).toEqual([k, v]);
    } finally {
      await app.close();
      db.close();
    }
  });

  it('an unknown table or format is a usage error that lists the choices', async () => {
    const t = await fx.q('export', 'nope', '--out', out('x.csv'));
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('no table "nope" to export');
    expect(t.stderr).toContain('capability_observations');
    const f = await fx.q('export', 'releases', '--format', 'xlsx', '--out', out('x.xlsx'));
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('"xlsx" is not a format');
  });
});
