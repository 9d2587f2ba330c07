import { appendFile, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { historyFixture } from './fixture.js';

let fx: Awaited<ReturnType<typeof historyFixture>>;
let id: string;
/** Answers given before the data changed, as the user saw them. */
const before: Record<string, string> = {};
const QUERIES: Record<string, string[]> = {
  gap: ['gap', '--json'],
  'best-open': ['best-open', '--json'],
  trends: ['trends', '--json'],
  claims: ['claims', '--json'],
  'claims-today': ['claims', '--as-of', 'today', '--json'],
  timeline: ['claim', 'best-open-chinese', '--timeline', '--json'],
};

beforeAll(async () => {
  fx = await historyFixture();
  const taken = await fx.q('snapshot', '--label', 'before the change', '--snapshots', fx.snapshots, '--json');
  expect(taken.stderr).toBe('');
  expect(taken.code).toBe(0);
  id = taken.json<{ id: string }>().id;
  for (const [name, args] of Object.entries(QUERIES)) before[name] = (await fx.q(...args)).stdout;
  // The change: a new open release, a score above every closed one (observed within a year of
  // today, so it counts as of today), weights withdrawn under a new license.
  const family = path.join(fx.dataDir, 'releases', 'openai', 'gpt-oss.yaml');
  const text = await readFile(family, 'utf8');
  await writeFile(family, text.replace('access: [open-weights, api]\n    license: Apache-2.0\n    hf_repos: [openai/gpt-oss-20b]', 'access: [api]\n    license: MIT\n    hf_repos: [openai/gpt-oss-20b]') + `  - id: gpt-oss-mini\n    name: gpt-oss-mini\n    date: 2025-09-01\n    type: reasoning\n    access: [open-weights]\n    license: Apache-2.0\n    sources: [card-openai]\n`);
  await appendFile(path.join(fx.dataDir, 'observations', 'capability', 'arena.yaml'), '- { release: gpt-oss-120b, measure: lmarena-text, value: 1600, date: 2026-09-01, source: arena }\n');
}, 120_000);
afterAll(() => fx.cleanup());

describe('aperture snapshot', () => {
  it('snapshot writes every table as Parquet with datapackage.json, CITATION.cff and SHA256SUMS', async () => {
    const dir = path.join(fx.snapshots, id);
    const files = await readdir(path.join(dir, 'tables'));
    expect(files).toContain('releases.parquet');
    expect(files).toContain('claim_verdicts.parquet');
    const pkg = JSON.parse(await readFile(path.join(dir, 'datapackage.json'), 'utf8'));
    expect(pkg.aperture.label).toBe('before the change');
    expect(pkg.resources.map((r: { path: string }) => r.path).sort()).toEqual(files.map((f) => `tables/${f}`).sort());
    const releases = pkg.resources.find((r: { name: string }) => r.name === 'releases');
    expect(releases.schema.fields.find((f: { name: string }) => f.name === 'date')).toMatchObject({ type: 'date', duckdb_type: 'DATE' });
    expect(releases.schema.fields.every((f: { description: string }) => f.description.length > 0)).toBe(true);
    expect(await readFile(path.join(dir, 'CITATION.cff'), 'utf8')).toContain(`version: "${id}"`);
    const sums = await readFile(path.join(dir, 'SHA256SUMS'), 'utf8');
    expect(sums).toContain('  tables/releases.parquet\n');
    expect(sums).toContain('  datapackage.json\n');
  });

  it('the Parquet tables read back in DuckDB with the row counts of the built base', async () => {
    const db = await openDb(':memory:');
    try {
      const pkg = JSON.parse(await readFile(path.join(fx.snapshots, id, 'datapackage.json'), 'utf8'));
      const n = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM read_parquet('${path.join(fx.snapshots, id, 'tables', 'releases.parquet')}')`);
      expect(n!.n).toBe(pkg.aperture.tables.releases);
      expect(n!.n).toBeGreaterThan(10);
    } finally {
      db.close();
    }
  });

  it('snapshots lists it, intact; a folder left by a crashed snapshot is not listed', async () => {
    await mkdir(path.join(fx.snapshots, '.tmp-2026-01-01T000000Z-1', 'tables'), { recursive: true });
    const r = await fx.q('snapshots', '--snapshots', fx.snapshots, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([expect.objectContaining({ id, label: 'before the change', intact: true })]);
  });
});

describe('--snapshot answers as the base did when the snapshot was taken', () => {
  for (const name of Object.keys(QUERIES)) {
    it(`${QUERIES[name]!.join(' ')} --snapshot ID reproduces the old answer byte for byte after a data change`, async () => {
      const now = await fx.q(...QUERIES[name]!);
      expect(now.code).toBe(0);
      const old = await fx.q(...QUERIES[name]!, '--snapshot', id, '--snapshots', fx.snapshots);
      expect(old.stderr).toBe('');
      expect(old.stdout).toBe(before[name]);
    }, 60_000);
  }

  it('the data change does change the current answers the snapshot reproduces (the test can fail)', async () => {
    expect((await fx.q(...QUERIES.gap!)).stdout).not.toBe(before.gap);
    expect((await fx.q(...QUERIES['best-open']!)).stdout).not.toBe(before['best-open']);
  });

  it('a date names the last snapshot taken on or before it', async () => {
    const day = id.slice(0, 10);
    expect((await fx.q('gap', '--json', '--snapshot', day, '--snapshots', fx.snapshots)).stdout).toBe(before.gap);
    const early = await fx.q('gap', '--json', '--snapshot', '2020-01-01', '--snapshots', fx.snapshots);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('no snapshot was taken on or before 2020-01-01');
  });

  it('an unknown snapshot is a usage error naming the known ones', async () => {
    const r = await fx.q('trends', '--snapshot', 'nope', '--snapshots', fx.snapshots);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no snapshot "nope"');
    expect(r.stderr).toContain(id);
  });
});

describe('aperture diff', () => {
  it('diff ID current --json lists the added release, the license change and the new score', async () => {
    const r = await fx.q('diff', id, 'current', '--snapshots', fx.snapshots, '--json');
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const d = r.json<any>();
    expect(d.from.id).toBe(id);
    expect(d.to.id).toBe('current');
    expect(d.releases.added.map((x: { id: string }) => x.id)).toEqual(['gpt-oss-mini']);
    expect(d.releases.removed).toEqual([]);
    expect(d.licenses).toEqual([{ release: 'gpt-oss-20b', name: 'gpt-oss-20b', from: 'Apache-2.0', to: 'MIT' }]);
    expect(d.access).toEqual([{ release: 'gpt-oss-20b', name: 'gpt-oss-20b', from: 'open-weights', to: 'api', change: 'weights withdrawn' }]);
    expect(d.capability.added).toEqual([{ release_id: 'gpt-oss-120b', measure: 'lmarena-text', date: '2026-09-01', source_id: 'arena', value: 1600 }]);
    expect(d.counts).toMatchObject({ releases_added: 1, license_changes: 1, access_changes: 1, capability_added: 1, organizations_added: 0 });
  });

  it('diff current ID is the same change the other way round', async () => {
    const d = (await fx.q('diff', 'current', id, '--snapshots', fx.snapshots, '--json')).json<any>();
    expect(d.releases.removed.map((x: { id: string }) => x.id)).toEqual(['gpt-oss-mini']);
    expect(d.licenses[0]).toMatchObject({ from: 'MIT', to: 'Apache-2.0' });
  });

  it('diff prints a readable summary', async () => {
    const r = await fx.q('diff', id, 'current', '--snapshots', fx.snapshots);
    expect(r.stdout).toContain('releases +1 -0, license changes 1');
    expect(r.stdout).toContain('gpt-oss-mini');
  });
});

describe('a snapshot is immutable', () => {
  it('a modified Parquet file is reported by snapshots and refused by --snapshot', async () => {
    await appendFile(path.join(fx.snapshots, id, 'tables', 'events.parquet'), 'x');
    const list = (await fx.q('snapshots', '--snapshots', fx.snapshots, '--json')).json<{ intact: boolean }[]>();
    expect(list[0]!.intact).toBe(false);
    const r = await fx.q('gap', '--snapshot', id, '--snapshots', fx.snapshots);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tables/events.parquet no longer match');
  });
});

describe('the dashboard page /changes', () => {
  it('/changes compares the latest snapshot with the served base when only one exists, with .json and .csv twins', async () => {
    const { build } = await import('../../src/surfaces/server/build.js');
    await fx.q('build');
    const fresh = path.join(fx.root, 'snapshots-page');
    await fx.q('snapshot', '--snapshots', fresh);
    const db = await openDb(fx.dbPath, { readOnly: true });
    const previous = process.env.APERTURE_SNAPSHOTS;
    process.env.APERTURE_SNAPSHOTS = fresh;
    const app = await build({ db });
    try {
      const page = await app.inject({ url: '/changes' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('What changed');
      const json = (await app.inject({ url: '/changes.json' })).json<{ data: { diff: { to: { id: string } }; counts: { releases_added: number } } }>().data;
      expect(json.diff.to.id).toBe('current');
      expect(json.counts.releases_added).toBe(0);
      const csv = await app.inject({ url: '/changes.csv' });
      expect(csv.body.split('\r\n')[0]).toBe('change,id,detail,from,to');
      const [only] = await readdir(fresh);
      await appendFile(path.join(fresh, only!, 'tables', 'releases.parquet'), 'x');
      // The server keeps each rendered page (its base is read-only), so the view is asked directly.
      const { changesPageView } = await import('../../src/views/history/changes-page.js');
      const modified = await changesPageView(db, fresh);
      expect(modified.diff).toBeNull();
      expect(modified.problem).toContain('was modified after it was taken');
    } finally {
      process.env.APERTURE_SNAPSHOTS = previous;
      if (previous === undefined) delete process.env.APERTURE_SNAPSHOTS;
      await app.close();
      db.close();
    }
  });

  it('/changes lists what changed between the two latest snapshots', async () => {
    const { build } = await import('../../src/surfaces/server/build.js');
    const two = path.join(fx.root, 'snapshots-two');
    const { cp } = await import('node:fs/promises');
    // Two fresh snapshots: one of the data as it was before the change, then one of the data now.
    const oldData = path.join(fx.root, 'data-old');
    await cp(path.join(fx.root, 'data'), oldData, { recursive: true });
    await writeFile(path.join(oldData, 'releases', 'openai', 'gpt-oss.yaml'), (await readFile(path.join(oldData, 'releases', 'openai', 'gpt-oss.yaml'), 'utf8')).split('  - id: gpt-oss-mini')[0]!);
    const { cli } = await import('../helpers/cli.js');
    const oldDb = path.join(fx.root, 'old.duckdb');
    expect((await cli('--data', oldData, '--db', oldDb, 'snapshot', '--snapshots', two)).code).toBe(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await fx.q('snapshot', '--snapshots', two)).code).toBe(0);
    const db = await openDb(fx.dbPath, { readOnly: true });
    process.env.APERTURE_SNAPSHOTS = two;
    const app = await build({ db });
    try {
      const page = await app.inject({ url: '/changes' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Releases added (1)');
      expect(page.body).toContain('gpt-oss-mini');
      const csv = (await app.inject({ url: '/changes.csv' })).body;
      expect(csv).toContain('release added,gpt-oss-mini');
    } finally {
      delete process.env.APERTURE_SNAPSHOTS;
      await app.close();
      db.close();
    }
  }, 120_000);
});

describe('accessChange(from, to)', () => {
  it('accessChange names weights opened, gated and withdrawn', async () => {
    const { accessChange } = await import('../../src/views/history/diff.js');
    expect(accessChange('api', 'open-weights')).toBe('weights opened');
    expect(accessChange('gated-weights', 'open-weights')).toBe('weights opened');
    expect(accessChange('open-weights', 'gated-weights')).toBe('weights gated');
    expect(accessChange('none', 'gated-weights')).toBe('weights opened');
    expect(accessChange('open-weights', 'api')).toBe('weights withdrawn');
    expect(accessChange('gated-weights', 'none')).toBe('weights withdrawn');
    expect(accessChange('api', 'hosted-app')).toBe('changed');
  });
});
