import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '../helpers/cli.js';

/** The analytics fixture: a small fact base of its own, so goldens do not move when data/ grows. */
export const ANALYTICS_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'analytics', 'data');

/** Builds the fixture into a scratch database and returns a CLI runner bound to it. */
export async function analyticsFixture() {
  const root = await mkdtemp(path.join(tmpdir(), 'aperture-analytics-'));
  const dbPath = path.join(root, 'aperture.duckdb');
  const q = (...args: string[]) => cli('--data', ANALYTICS_DATA, '--db', dbPath, ...args);
  const built = await q('build');
  if (built.code !== 0) throw new Error(`fixture build failed: ${built.stderr}`);
  return { root, dbPath, q, cleanup: () => rm(root, { recursive: true, force: true }) };
}
