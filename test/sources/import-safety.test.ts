import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { scratchData } from '../helpers/fixture-data.js';
import { fixture, generatedFile, ndjsonRecords } from './helpers.js';

// An import must never wipe the previous one by mistake, and must switch all its files at once.
let root: string;
let dataDir: string;
let cleanup: () => Promise<void>;
const q = (...args: string[]) => cli('--data', dataDir, '--db', path.join(root, 'aperture.duckdb'), ...args);
const EPOCH = fixture('epoch', 'all_ml_systems_full_view_2025-08-07.csv');

beforeEach(async () => {
  ({ root, dataDir, cleanup } = await scratchData());
});
afterEach(() => cleanup());

/** Every entry under data/imported/, hidden ones included, so leftovers show. */
async function importedTree(): Promise<string[]> {
  const entries = await readdir(path.join(dataDir, 'imported'), { recursive: true }).catch(() => [] as string[]);
  return entries.map((e) => e.split(path.sep).join('/')).sort();
}

/** Records the current generation holds from the epoch importer (its sources aside). */
async function epochRecords(): Promise<number> {
  let n = 0;
  for (const kind of ['releases', 'observations', 'capability', 'adoption', 'unmatched']) {
    const text = await readFile(await generatedFile(dataDir, `${kind}/epoch.ndjson`), 'utf8').catch(() => '');
    n += ndjsonRecords(text).length;
  }
  return n;
}

describe('aperture import refuses input that would wipe the previous import', () => {
  it('a file with none of the expected columns is an error and keeps the previous files', async () => {
    expect((await q('import', 'epoch', EPOCH, '--json')).code).toBe(0);
    const before = await importedTree();
    const wrong = path.join(root, 'w.csv');
    await writeFile(wrong, 'a,b,c\n1,2,3\n');
    const r = await q('import', 'epoch', wrong, '--snapshot', '2025-08-07');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/epoch: .*w\.csv gave no records \(no row with the fields this importer reads\); nothing was written and the previous import is unchanged/);
    expect(r.stderr).toContain('--force');
    expect(await importedTree()).toEqual(before);
    expect((await q('validate', '--json')).json()).toMatchObject({ ok: true, errors: 0 });
  });
  it('a header-only or empty file is refused the same way', async () => {
    expect((await q('import', 'epoch', EPOCH, '--json')).code).toBe(0);
    const before = await importedTree();
    const header = (await readFile(EPOCH, 'utf8')).split('\n')[0]!;
    for (const text of [header + '\n', '']) {
      const file = path.join(root, 'h.csv');
      await writeFile(file, text);
      const r = await q('import', 'epoch', file, '--snapshot', '2025-08-07');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('gave no records');
    }
    expect(await importedTree()).toEqual(before);
  });
  it('far fewer records than the previous generation need --force', async () => {
    expect((await q('import', 'epoch', EPOCH, '--json')).code).toBe(0);
    const previous = await epochRecords();
    expect(previous).toBeGreaterThanOrEqual(4);
    // The header and the first record only (fields span lines, so cut where the parser does).
    const records = parse(await readFile(EPOCH, 'utf8'), { raw: true, relax_column_count: true }) as unknown as Array<{ raw: string }>;
    const small = path.join(root, 'small.csv');
    await writeFile(small, records.slice(0, 2).map((r) => r.raw.replace(/\r$/, '')).join('\n') + '\n');
    const r = await q('import', 'epoch', small, '--snapshot', '2025-08-07');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`gave \\d+ records where the previous import has ${previous}`));
    expect(await epochRecords()).toBe(previous);
    const forced = await q('import', 'epoch', small, '--snapshot', '2025-08-07', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(await epochRecords()).toBeLessThan(previous);
  });
});

describe('aperture import writes one generation and switches to it at once', () => {
  it('leaves exactly the pointer and the current generation, whose files replace the whole previous set', async () => {
    expect((await q('import', 'epoch', EPOCH, '--json')).code).toBe(0);
    expect((await readFile(path.join(dataDir, 'imported', 'CURRENT'), 'utf8')).trim()).toBe('g1');
    expect((await q('import', 'epoch-notable', fixture('epoch', 'notable_ai_models.csv'), '--json')).code).toBe(0);
    expect((await readFile(path.join(dataDir, 'imported', 'CURRENT'), 'utf8')).trim()).toBe('g2');
    const tree = await importedTree();
    // g1 is gone, nothing hidden is left, and g2 holds both importers' files.
    expect(tree.filter((e) => !e.includes('/'))).toEqual(['CURRENT', 'g2']);
    expect(tree).toContain('g2/releases/epoch.ndjson');
    expect(tree).toContain('g2/sources/epoch-notable.ndjson');
    expect((await q('validate', '--json')).json()).toMatchObject({ ok: true, errors: 0 });
  });
  it('reads the files directly under imported/ when no pointer exists, and moves them into the first generation', async () => {
    const flat = path.join(dataDir, 'imported', 'sources');
    await mkdir(flat, { recursive: true });
    await writeFile(path.join(flat, 'by-hand.ndjson'), '# a generated file of the layout before generations\n');
    expect((await q('import', 'epoch', EPOCH, '--json')).code).toBe(0);
    const tree = await importedTree();
    expect(tree).toContain('g1/sources/by-hand.ndjson');
    expect(tree).not.toContain('sources/by-hand.ndjson');
  });
  it('a write that fails is a clean error naming the path, with the previous state kept and no temporaries', async () => {
    // The pointer's place is taken by a folder, so switching to the new generation fails.
    await mkdir(path.join(dataDir, 'imported', 'CURRENT', 'in-the-way'), { recursive: true });
    const r = await q('import', 'epoch', EPOCH);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: cannot write .*imported[\\/]CURRENT: .*; the previous import is unchanged/);
    expect(r.stderr).not.toContain('unexpected error');
    expect(await importedTree()).toEqual(['CURRENT', 'CURRENT/in-the-way']);
    const orgs = await readFile(path.join(dataDir, 'orgs-imported', 'orgs.yaml'), 'utf8').catch(() => undefined);
    expect(orgs ?? '').not.toContain('tsinghua-university');
  });
});
