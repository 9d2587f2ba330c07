import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const VALID_DATA = path.join(FIXTURES, 'data');
/** "Today" in tests, so date checks do not depend on the clock. */
export const TODAY = '2026-11-29';

/**
 * A scratch copy of the valid fixture data in `<tmp>/data`, with an optional overlay folder
 * copied over it (a broken fixture replaces or adds files). Returns the tmp root and a cleanup.
 */
export async function scratchData(overlay?: string): Promise<{ root: string; dataDir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'aperture-test-'));
  const dataDir = path.join(root, 'data');
  await cp(VALID_DATA, dataDir, { recursive: true });
  if (overlay) await cp(overlay, dataDir, { recursive: true, filter: (src) => !['expected.txt', 'make.mjs'].includes(path.basename(src)) });
  return { root, dataDir, cleanup: () => rm(root, { recursive: true, force: true }) };
}
