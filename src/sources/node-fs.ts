import { readFile, stat } from 'node:fs/promises';
import { listFiles } from '../facts/walk.js';
import type { ImportFs } from './importer.js';

/** The real filesystem; importers only ever read. */
export const nodeFs: ImportFs = {
  readText: (file) => readFile(file, 'utf8'),
  list: (dir) => listFiles(dir),
  exists: async (file) => (await stat(file).catch(() => undefined)) !== undefined,
};
