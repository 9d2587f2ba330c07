import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { cli } from '../helpers/cli.js';
import { scratchData } from '../helpers/fixture-data.js';

let dataDir: string;
let dbPath: string;
let cleanup: () => Promise<void>;
const q = (...args: string[]) => cli('--data', dataDir, '--db', dbPath, ...args);

beforeAll(async () => {
  const s = await scratchData();
  ({ dataDir, cleanup } = s);
  dbPath = path.join(s.root, 'aperture.duckdb');
  expect((await q('build')).code).toBe(0);
});
afterAll(() => cleanup());

describe('rubric results stored at build time', () => {
  it('has one openness row per release and six rubric results each, with versions in build_info', async () => {
    const db = await openDb(dbPath, { readOnly: true });
    try {
      expect(await db.one('SELECT count(*) AS n FROM openness')).toEqual({ n: 5 });
      expect(await db.one('SELECT count(*) AS n FROM assessments')).toEqual({ n: 30 });
      const versions = await db.all<{ key: string }>("SELECT key FROM build_info WHERE key LIKE 'rubric_version.%' ORDER BY key");
      expect(versions.map((v) => v.key)).toEqual(['access', 'license', 'mof', 'osai', 'osaid', 'profile'].map((r) => `rubric_version.${r}`));
      // An API-and-app-only release has no open weights tier; an MIT release with open weights is unrestricted.
      const tiers = await db.all<{ release_id: string; access_tier: string }>('SELECT release_id, access_tier FROM openness ORDER BY release_id');
      expect(tiers).toContainEqual({ release_id: 'deepseek-chat-app', access_tier: 'hosted-access' });
      expect(tiers).toContainEqual({ release_id: 'deepseek-r1', access_tier: 'open-weights-unrestricted' });
    } finally {
      db.close();
    }
  });
});

describe('aperture assess <release-id>', () => {
  it('prints every rubric with its reasons', async () => {
    const r = await q('assess', 'llama-3.1-405b', '--json');
    expect(r.code).toBe(0);
    const view = r.json<{ versions: Record<string, string>; mof: { reasons: string[] } }>();
    expect(Object.keys(view.versions)).toEqual(['license', 'access', 'mof', 'osai', 'osaid', 'profile']);
    expect(view.mof.reasons.some((line) => line.startsWith('not Class III'))).toBe(true);
  });
  it('narrows to one rubric and explains it in plain words', async () => {
    const r = await q('assess', 'mistral-7b-v0.1', '--rubric', 'access');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Access tier');
    expect(r.stdout).not.toContain('Model Openness Framework');
  });
  it('rejects an unknown rubric or release with exit code 1', async () => {
    expect((await q('assess', 'mistral-7b-v0.1', '--rubric', 'vibes')).code).toBe(1);
    expect((await q('assess', 'nope')).code).toBe(1);
  });
});

describe('EOSAI grades beside ours', () => {
  it('stores the index grades of a matched release inside our OSAI result', async () => {
    const s = await scratchData(path.resolve(import.meta.dirname, '..', 'fixtures', 'peer-overlay'));
    try {
      const db = path.join(s.root, 'p.duckdb');
      const r = await cli('--data', s.dataDir, '--db', db, 'assess', 'mistral-7b-v0.1', '--rubric', 'osai', '--json');
      expect(r.code).toBe(0);
      const theirs = r.json<{ result: { theirs: { grades: Record<string, string> } | null } }>().result.theirs;
      expect(theirs?.grades).toEqual({ weights_endmodel: 'open', datasources_endmodel: 'closed', licenses: 'open' });
      const other = await cli('--data', s.dataDir, '--db', db, 'assess', 'deepseek-r1', '--rubric', 'osai', '--json');
      expect(other.json<{ result: { theirs: unknown } }>().result.theirs).toBeNull();
    } finally {
      await s.cleanup();
    }
  });
});
