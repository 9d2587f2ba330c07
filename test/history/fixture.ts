import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.js';
import { ANALYTICS_DATA } from '../analytics/fixture.js';

/**
 * A scratch copy of the analytics fixture (releases, scores, claims) that a test may change,
 * with its own database and snapshots folder, and a CLI runner bound to all three.
 */
export async function historyFixture() {
  const root = await mkdtemp(path.join(tmpdir(), 'aperture-history-'));
  const dataDir = path.join(root, 'data');
  await cp(ANALYTICS_DATA, dataDir, { recursive: true });
  const dbPath = path.join(root, 'aperture.duckdb');
  const snapshots = path.join(root, 'snapshots');
  const q = (...args: string[]) => cli('--data', dataDir, '--db', dbPath, ...args);
  const built = await q('build');
  if (built.code !== 0) throw new Error(`fixture build failed: ${built.stderr}`);
  return { root, dataDir, dbPath, snapshots, q, cleanup: () => rm(root, { recursive: true, force: true }) };
}
