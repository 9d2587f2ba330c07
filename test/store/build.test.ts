import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../src/store/build.js';
import { checkFreshness } from '../../src/store/freshness.js';
import { openDb } from '../../src/store/db.js';
import { scratchData, TODAY } from '../helpers/fixture-data.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function scratch() {
  const s = await scratchData();
  cleanups.push(s.cleanup);
  return { ...s, dbPath: path.join(s.root, 'db', 'aperture.duckdb') };
}

async function dumpTables(dbPath: string): Promise<Record<string, unknown[]>> {
  const db = await openDb(dbPath, { readOnly: true });
  try {
    const tables = await db.all<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() ORDER BY table_name");
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) out[name] = await db.all(`SELECT * FROM ${name} ORDER BY ALL`);
    return out;
  } finally {
    db.close();
  }
}

describe('buildDatabase', () => {
  it('writes every fact of the fixture data into the database', async () => {
    const { dataDir, dbPath } = await scratch();
    const result = await buildDatabase({ dataDir, dbPath, today: TODAY });
    expect(result.ok).toBe(true);
    const tables = await dumpTables(dbPath);
    expect(tables.releases).toHaveLength(5);
    expect(tables.organizations).toHaveLength(3);
    // Every release gets all 17 components, unknown where data/ says nothing.
    expect(tables.components).toHaveLength(5 * 17);
    expect((tables.components as { declared: boolean }[]).filter((c) => c.declared)).toHaveLength(2);
    // MIT is used but not registered: it is still listed, from the SPDX list.
    expect(tables.licenses).toContainEqual(expect.objectContaining({ id: 'MIT', registered: false, spdx: true, osi_approved: true }));
    // Adoption rows are matched to releases through their hub repo.
    expect(tables.adoption_observations).toContainEqual(expect.objectContaining({ release_id: 'llama-3.1-8b-instruct' }));
  });

  it('gives the same query results for the same data', async () => {
    const { dataDir, dbPath } = await scratch();
    await buildDatabase({ dataDir, dbPath, today: TODAY });
    const first = await dumpTables(dbPath);
    await buildDatabase({ dataDir, dbPath, today: TODAY });
    expect(await dumpTables(dbPath)).toEqual(first);
  });

  it('leaves the previous database byte for byte when the data is broken', async () => {
    const { dataDir, dbPath } = await scratch();
    expect((await buildDatabase({ dataDir, dbPath, today: TODAY })).ok).toBe(true);
    const before = readFileSync(dbPath);
    await writeFile(path.join(dataDir, 'orgs', 'meta.yaml'), 'id: meta\nname: Meta\nkind: company\ncountry: USA\nsources: [about-pages]\n');
    const result = await buildDatabase({ dataDir, dbPath, today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual([expect.objectContaining({ file: expect.stringMatching(/orgs\/meta\.yaml$/), line: 4, rule: "schema" })]);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    // No half-written temporary file is left beside it.
    expect(readdirSync(path.dirname(dbPath))).toEqual(['aperture.duckdb']);
  });

  it('does not create a database at all when the first build fails', async () => {
    const { dataDir, dbPath } = await scratch();
    await writeFile(path.join(dataDir, 'orgs', 'meta.yaml'), 'id: [\n');
    expect((await buildDatabase({ dataDir, dbPath, today: TODAY })).ok).toBe(false);
    expect(existsSync(dbPath)).toBe(false);
  });
});

describe('checkFreshness', () => {
  it('says missing, then fresh after a build, then data-changed after an edit', async () => {
    const { dataDir, dbPath } = await scratch();
    expect(await checkFreshness(dataDir, dbPath)).toEqual({ fresh: false, reason: 'missing' });
    await buildDatabase({ dataDir, dbPath, today: TODAY });
    expect(await checkFreshness(dataDir, dbPath)).toEqual({ fresh: true });
    await writeFile(path.join(dataDir, 'events', 'meta.yaml'), '[]\n');
    expect(await checkFreshness(dataDir, dbPath)).toEqual({ fresh: false, reason: 'data-changed' });
  });
});
