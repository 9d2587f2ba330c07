import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * One folder per test run where fixture databases are kept by the hash of the data they were
 * built from (see testSite), so the many test files serving the same fixture build it once per
 * run instead of once per file. Removed at the end of the run; never shared across runs, so a
 * change to the build code is always seen.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'aperture-test-dbs-'));
  process.env.APERTURE_TEST_DB_CACHE = dir;
  return () => rm(dir, { recursive: true, force: true });
}
