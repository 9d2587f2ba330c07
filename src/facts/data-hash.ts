import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { dataLayout, GENERATION_POINTER } from './data-files.js';

const FINGERPRINTED = /\.(ya?ml|ndjson|csv)$/;

async function fingerprinted(dataDir: string): Promise<{ rels: string[]; problems: string[] }> {
  const { files, generation, problems } = await dataLayout(dataDir);
  const rels = files.map((f) => f.rel).filter((rel) => FINGERPRINTED.test(rel));
  return { rels: generation ? [GENERATION_POINTER, ...rels] : rels, problems: problems.map(problemKey) };
}

/** What cannot be read still changes the fingerprint (validation reports it), never the exit code. */
export const problemKey = (p: { kind: string; rel: string }) => `${p.kind}:${p.rel}\0`;
export const unreadable = (e: NodeJS.ErrnoException) => Buffer.from(`unreadable:${e.code}`);

/**
 * A fingerprint of the data folder's content (paths and bytes, not times), stored in each
 * database build so readers can tell whether data/ changed since and rebuild.
 */
export async function dataHash(dataDir: string): Promise<string> {
  const hash = createHash('sha256');
  // Kept identical to the fingerprint loadFacts computes from the bytes it reads.
  const { rels, problems } = await fingerprinted(dataDir);
  for (const p of problems) hash.update(p);
  for (const rel of rels) {
    hash.update(rel);
    hash.update('\0');
    hash.update(await readFile(path.join(dataDir, rel)).catch(unreadable));
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
  const { rels, problems } = await fingerprinted(dataDir);
  for (const p of problems) hash.update(p);
  const stats = await Promise.all(rels.map((rel) => stat(path.join(dataDir, rel)).catch(() => undefined)));
  rels.forEach((rel, i) => hash.update(`${rel}\0${stats[i]?.size ?? -1}\0${stats[i]?.mtimeMs ?? -1}\0`));
  return hash.digest('hex');
}
