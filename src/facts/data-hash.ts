import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../lib/files.js';

/**
 * A fingerprint of the data folder's content (paths and bytes, not times), stored in each
 * database build so readers can tell whether data/ changed since and rebuild.
 */
export async function dataHash(dataDir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = (await listFiles(dataDir)).filter((f) => /\.(ya?ml|csv)$/.test(f));
  for (const rel of files) {
    hash.update(rel);
    hash.update('\0');
    hash.update(await readFile(path.join(dataDir, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
