import { readFile, stat } from 'node:fs/promises';
import { listFiles } from '../lib/files.js';
import type { ImportFs } from './importer.js';

/** The real filesystem; importers only ever read. */
export const nodeFs: ImportFs = {
  readText: (file) => readFile(file, 'utf8'),
  list: listFiles,
  exists: async (file) => (await stat(file).catch(() => undefined)) !== undefined,
};
