import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENT_IDS } from '../../src/domain/index.js';
import { cli } from '../helpers/cli.js';
import { openDb } from '../../src/store/db.js';
import { dataHash } from '../../src/facts/data-hash.js';
import { SCHEMA_VERSION } from '../../src/store/build.js';
import { scratchData } from '../helpers/fixture-data.js';

let root: string;
let dataDir: string;
let dbPath: string;
let cleanup: () => Promise<void>;
const q = (...args: string[]) => cli('--data', dataDir, '--db', dbPath, ...args);

beforeAll(async () => {
  ({ root, dataDir, cleanup } = await scratchData());
  dbPath = path.join(root, 'aperture.duckdb');
  expect((await q('build')).code).toBe(0);
});
afterAll(() => cleanup());

describe('aperture stats --json', () => {
  it('prints only JSON with real counts and ISO dates', async () => {
    const r = await q('stats', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      releases: 5,
      organizations: 3,
      countries: 3,
      licenses: 3,
      sources: 6,
      earliestRelease: '2023-09-27',
      latestRelease: '2025-01-20',
      releasesWithSource: 5,
      capabilityObservations: 2,
      events: 1,
    });
  });
});

describe('aperture releases', () => {
  it('filters by country, access, dates and text', async () => {
    const ids = async (...args: string[]) => (await q('releases', '--json', ...args)).json<{ id: string }[]>().map((r) => r.id);
    expect(await ids('--country', 'CN')).toEqual(['deepseek-r1', 'deepseek-chat-app']);
    expect(await ids('--access', 'gated-weights')).toEqual(['llama-3.1-405b', 'llama-3.1-8b-instruct']);
    expect(await ids('--since', '2024-07-24', '--until', '2025')).toEqual(['deepseek-r1', 'deepseek-chat-app']);
    expect(await ids('--until', '2023')).toEqual(['mistral-7b-v0.1']);
    expect(await ids('--org', 'meta', '--q', '8B')).toEqual(['llama-3.1-8b-instruct']);
    expect(await ids('--q', 'mistralai/')).toEqual(['mistral-7b-v0.1']);
  });
  it('prints a table on a terminal', async () => {
    const r = await q('releases', '--org', 'mistral');
    expect(r.stdout).toMatch(/^date\s+id\s+org/);
    expect(r.stdout).toContain('mistral-7b-v0.1');
    expect(r.stdout).toContain('1 release(s)');
  });
  it('rejects a bad filter with exit code 1 and names the flag', async () => {
    const r = await q('releases', '--access', 'torrent');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--access');
    expect(r.stdout).toBe('');
  });
});

describe('aperture release <id>', () => {
  it('shows all 17 components with status, license and evidence', async () => {
    const r = (await q('release', 'llama-3.1-405b', '--json')).json<{ components: { component: string; status: string; license: string | null }[]; sources: unknown[] }>();
    expect(r.components.map((c) => c.component).sort()).toEqual([...COMPONENT_IDS].sort());
    expect(r.components.find((c) => c.component === 'model-parameters-final')).toMatchObject({ status: 'restricted', license: 'LicenseRef-llama-3.1' });
    expect(r.components.find((c) => c.component === 'training-code')).toMatchObject({ status: 'unknown' });
    expect(r.sources).toHaveLength(1);
  });
  it('exits 1 with a hint for an unknown id', async () => {
    const r = await q('release', 'llama-9');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no release with id "llama-9"');
  });
});

describe('aperture orgs, org, licenses, license, sources', () => {
  it('lists organizations with counts', async () => {
    const rows = (await q('orgs', '--json')).json<{ id: string; releases: number; open_weights: number }[]>();
    expect(rows.find((o) => o.id === 'meta')).toMatchObject({ releases: 2, open_weights: 2 });
  });
  it('shows one organization with its events', async () => {
    const org = (await q('org', 'meta', '--json')).json<{ countries: string[]; events: { id: string }[]; hf_namespaces: string[] }>();
    expect(org.countries).toEqual(['US']);
    expect(org.hf_namespaces).toEqual(['meta-llama']);
    expect(org.events.map((e) => e.id)).toEqual(['meta-superintelligence-labs']);
  });
  it('lists licenses with structured terms and explains one in plain words', async () => {
    const rows = (await q('licenses', '--json')).json<{ id: string; user_threshold: number | null }[]>();
    expect(rows.find((l) => l.id === 'LicenseRef-llama-3.1')?.user_threshold).toBe(700000000);
    const text = (await q('license', 'LicenseRef-llama-3.1')).stdout;
    expect(text).toMatch(/commercial use:\s+conditional/);
    expect(text).toContain('- commercial use needs a separate license above 700 million monthly active users');
    expect(text).toContain('- naming duty: Built with Llama');
  });
  it('counts what each source supports', async () => {
    const rows = (await q('sources', '--json')).json<{ id: string; citations: number }[]>();
    expect(rows.find((s) => s.id === 'lmarena-2025-01')?.citations).toBe(2);
  });
});

describe('rebuild on read', () => {
  it('rebuilds before a query when data/ changed, and refuses when the change is broken', async () => {
    const s = await scratchData();
    try {
      const db = path.join(s.root, 'x.duckdb');
      const run = (...a: string[]) => cli('--data', s.dataDir, '--db', db, ...a);
      expect((await run('stats', '--json')).json<{ releases: number }>().releases).toBe(5);
      await writeFile(path.join(s.dataDir, 'releases', 'mistral', 'mistral-7b.yaml'), readFileSync(path.join(s.dataDir, 'releases', 'mistral', 'mistral-7b.yaml'), 'utf8').replace('Mistral 7B v0.1', 'Mistral 7B v0.1 (renamed)'));
      const renamed = await run('release', 'mistral-7b-v0.1', '--json');
      expect(renamed.json<{ name: string }>().name).toBe('Mistral 7B v0.1 (renamed)');
      expect(renamed.stderr).toContain('rebuilding');
      const bytes = readFileSync(db);
      await writeFile(path.join(s.dataDir, 'orgs', 'meta.yaml'), 'id: meta\n');
      const broken = await run('stats', '--json');
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/orgs\/meta\.yaml:1: error: name: missing required field "name" \[schema\]/);
      expect(readFileSync(db).equals(bytes)).toBe(true);
    } finally {
      await s.cleanup();
    }
  });
});

describe('aperture validate', () => {
  it('lists every problem with file:line and exits 1', async () => {
    const s = await scratchData();
    try {
      await writeFile(path.join(s.dataDir, 'orgs', 'meta.yaml'), 'id: meta\nname: Meta\nkind: firm\ncountry: US\n');
      const r = await cli('--data', s.dataDir, 'validate');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/orgs\/meta\.yaml:3: error: kind: expected one of company, academic/);
      expect(r.stderr).toMatch(/orgs\/meta\.yaml:1: error: sources: missing required field "sources" \[missing-source\]/);
      expect(r.stderr).toMatch(/2 error\(s\)/);
      const json = await cli('--data', s.dataDir, 'validate', '--json');
      expect(json.json<{ ok: boolean; errors: number }>()).toMatchObject({ ok: false, errors: 2 });
    } finally {
      await s.cleanup();
    }
  });
  it('exits 0 on clean data', async () => {
    expect((await q('validate')).code).toBe(0);
  });
});

describe('exit codes', () => {
  it('is 1 for a usage error', async () => {
    expect((await cli('frobnicate')).code).toBe(1);
  });
  it('is 2 for an unexpected failure, with a pointer to --debug', async () => {
    // A database Aperture marked current for this data but whose tables are gone: not the user's
    // data at fault. (A --db naming a folder used to be the example; it is now refused, exit 1.)
    const broken = path.join(root, 'broken.duckdb');
    const db = await openDb(broken);
    await db.run('CREATE TABLE build_info (key VARCHAR, value VARCHAR)');
    await db.run('INSERT INTO build_info VALUES (?, ?), (?, ?)', ['data_hash', await dataHash(dataDir), 'schema_version', SCHEMA_VERSION]);
    await db.run('CHECKPOINT');
    db.close();
    const r = await cli('--data', dataDir, '--db', broken, 'stats');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--debug');
  });

  it('is 1 when --db names a folder: refused, nothing touched', async () => {
    const r = await cli('--data', dataDir, '--db', root, 'stats');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a database file');
  });
});

describe('the aperture bin', () => {
  it('runs from the package without a build step', async () => {
    const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'aperture.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--data', dataDir, '--db', dbPath, 'stats', '--json']);
    expect(JSON.parse(stdout).releases).toBe(5);
  });
});
