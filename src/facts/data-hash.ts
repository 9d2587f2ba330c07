import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { walkFiles } from '../lib/files.js';

/**
 * A fingerprint of the data folder's content (paths and bytes, not times), stored in each
 * database build so readers can tell whether data/ changed since and rebuild.
 */
export async function dataHash(dataDir: string): Promise<string> {
  const hash = createHash('sha256');
  const { files, problems } = await walkFiles(dataDir);
  // What cannot be read still changes the fingerprint (validation reports it), never the exit code.
  for (const p of problems) hash.update(`${p.kind}:${p.rel}\0`);
  for (const rel of files.filter((f) => /\.(ya?ml|csv)$/.test(f))) {
    hash.update(rel);
    hash.update('\0');
    hash.update(await readFile(path.join(dataDir, rel)).catch((e: NodeJS.ErrnoException) => `unreadable:${e.code}`));
    hash.update('\0');
  }
  return hash.digest('hex');
}
