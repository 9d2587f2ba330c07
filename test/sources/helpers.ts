import path from 'node:path';
import { FIXTURES } from '../helpers/fixture-data.js';
import { nodeFs } from '../../src/sources/index.js';
import type { ImportOptions } from '../../src/sources/index.js';

/** The importers' fixtures: small files in each upstream format, written for these tests. */
export const IMPORTS = path.join(FIXTURES, 'imports');
export const fixture = (...parts: string[]) => path.join(IMPORTS, ...parts);
export const readOpts = (extra: Partial<ImportOptions> = {}): ImportOptions => ({ fs: nodeFs, ...extra });

/** A generated file of the current import generation (data/imported/CURRENT names it). */
export async function generatedFile(dataDir: string, rel: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const generation = (await readFile(path.join(dataDir, 'imported', 'CURRENT'), 'utf8')).trim();
  return path.join(dataDir, 'imported', generation, rel);
}

/** The records of an NDJSON file, comment lines left out. */
export function ndjsonRecords(text: string): Array<Record<string, unknown>> {
  return text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => JSON.parse(l) as Record<string, unknown>);
}
