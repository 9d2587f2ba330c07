import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { dataLayout, GENERATION_POINTER } from './data-files.js';

const FINGERPRINTED = /\.(ya?ml|ndjson|csv)$/;

async function fingerprinted(dataDir: string): Promise<string[]> {
  const { files, generation } = await dataLayout(dataDir);
  const rels = files.map((f) => f.rel).filter((rel) => FINGERPRINTED.test(rel));
  return generation ? [GENERATION_POINTER, ...rels] : rels;
}

/**
 * A fingerprint of the data folder's content (paths and bytes, not times), stored in each
 * database build so readers can tell whether data/ changed since and rebuild.
 */
export async function dataHash(dataDir: string): Promise<string> {
  const hash = createHash('sha256');
  // Kept identical to the fingerprint loadFacts computes from the bytes it reads.
  for (const rel of await fingerprinted(dataDir)) {
    hash.update(rel);
    hash.update('\0');
    hash.update(await readFile(path.join(dataDir, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * A cheap fingerprint of the same files: paths, sizes and modification times. Equal stats mean
 * equal contents for every practical purpose, so readers compare this before hashing bytes.
 */
export async function dataStat(dataDir: string): Promise<string> {
  const hash = createHash('sha256');
  const rels = await fingerprinted(dataDir);
  const stats = await Promise.all(rels.map((rel) => stat(path.join(dataDir, rel))));
  rels.forEach((rel, i) => hash.update(`${rel}\0${stats[i]!.size}\0${stats[i]!.mtimeMs}\0`));
  return hash.digest('hex');
}
