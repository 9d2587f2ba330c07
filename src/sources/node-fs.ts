import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportFs } from './importer.js';

/** The real filesystem; importers only ever read. */
export const nodeFs: ImportFs = {
  readText: (file) => readFile(file, 'utf8'),
  async list(dir) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .filter((rel) => !rel.split('/').some((part) => part.startsWith('.')))
      .sort();
  },
  exists: async (file) => (await stat(file).catch(() => undefined)) !== undefined,
};
