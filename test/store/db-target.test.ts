import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../src/store/build.js';
import { openDb } from '../../src/store/db.js';
import { scratchData, TODAY } from '../helpers/fixture-data.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function scratch() {
  const s = await scratchData();
  cleanups.push(s.cleanup);
  return s;
}

describe('buildDatabase refuses a --db that is not an Aperture database', () => {
  it('leaves a text file byte for byte and names it', async () => {
    const { root, dataDir } = await scratch();
    const notes = path.join(root, 'notes.txt');
    await writeFile(notes, 'my notes\n');
    const result = await buildDatabase({ dataDir, dbPath: notes, today: TODAY, cwd: root });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual([expect.objectContaining({ file: 'notes.txt', rule: 'db-target', message: expect.stringContaining('not a DuckDB database') })]);
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
  });

  it('leaves a curated data file alone (the --db data/orgs/meta.yaml typo)', async () => {
    const { dataDir } = await scratch();
    const meta = path.join(dataDir, 'orgs', readdirSync(path.join(dataDir, 'orgs'))[0]!);
    const before = readFileSync(meta);
    expect((await buildDatabase({ dataDir, dbPath: meta, today: TODAY })).ok).toBe(false);
    expect(readFileSync(meta)).toEqual(before);
  });

  it('leaves a DuckDB database that Aperture did not build', async () => {
    const { root, dataDir } = await scratch();
    const other = path.join(root, 'other.duckdb');
    const db = await openDb(other);
    await db.run('CREATE TABLE mine AS SELECT 42 AS answer');
    await db.run('CHECKPOINT');
    db.close();
    const result = await buildDatabase({ dataDir, dbPath: other, today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]?.message).toContain('did not build');
    const again = await openDb(other, { readOnly: true });
    expect(await again.all('SELECT answer FROM mine')).toEqual([{ answer: 42 }]);
    again.close();
  });

  it('replaces its own database, and an empty file', async () => {
    const { root, dataDir } = await scratch();
    const dbPath = path.join(root, 'a.duckdb');
    await writeFile(dbPath, '');
    expect((await buildDatabase({ dataDir, dbPath, today: TODAY })).ok).toBe(true);
    expect((await buildDatabase({ dataDir, dbPath, today: TODAY })).ok).toBe(true);
  });
});

describe('buildDatabase cleans the temporaries of dead builds', () => {
  it('removes a dead process temp db and .wal, keeps a live one', async () => {
    const { root, dataDir } = await scratch();
    const dir = path.join(root, 'db');
    await mkdir(dir);
    const dbPath = path.join(dir, 'aperture.duckdb');
    // A pid that surely exited: a child we ran to completion.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await writeFile(path.join(dir, `aperture.duckdb.tmp-${dead}-1`), 'x');
    await writeFile(path.join(dir, `aperture.duckdb.tmp-${dead}-1.wal`), 'x');
    await writeFile(path.join(dir, `aperture.duckdb.tmp-${process.ppid}-2`), 'x');
    expect((await buildDatabase({ dataDir, dbPath, today: TODAY })).ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['aperture.duckdb', `aperture.duckdb.tmp-${process.ppid}-2`]);
  });
});

/** A 300 KB tmpfs stands in for a full disk; it needs root and mount, so the test skips without them. */
function smallDisk(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=300k', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('buildDatabase on a full disk', () => {
  it('fails with a disk-full finding naming the database and leaves no temporaries', async (ctx) => {
    const { root, dataDir } = await scratch();
    const disk = path.join(root, 'disk');
    await mkdir(disk);
    if (!smallDisk(disk)) return ctx.skip();
    try {
      const dbPath = path.join(disk, 'a.duckdb');
      const result = await buildDatabase({ dataDir, dbPath, today: TODAY, cwd: root });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toEqual([expect.objectContaining({ file: 'disk/a.duckdb', rule: 'disk-full' })]);
      expect(readdirSync(disk)).toEqual([]);
      expect(existsSync(dbPath)).toBe(false);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
