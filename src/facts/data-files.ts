import { readFile } from 'node:fs/promises';
import { walkFiles, type WalkProblem } from '../lib/files.js';

/**
 * The pointer to the current import generation, relative to the data folder. Importers write
 * a whole new generation folder (data/imported/g<N>/) and then replace this one small file, so
 * a reader sees the previous set of generated files or the new one, never a mix.
 */
export const GENERATION_POINTER = 'imported/CURRENT';
export const GENERATION_NAME = /^g\d+$/;

export interface DataFile {
  /** Where the file is, relative to the data folder, with forward slashes. */
  rel: string;
  /** The path file kinds match on: imported/g7/releases/x.ndjson reads as imported/releases/x.ndjson. */
  logical: string;
}

export interface DataLayout {
  files: DataFile[];
  /** The current import generation, when data/imported/CURRENT names one. */
  generation?: string;
  /** The pointer file's text as read, for the content fingerprint. */
  pointerText?: string;
  /** Generated files outside the current generation: left from an older layout, never read. */
  stray: string[];
  /** Folders that could not be listed and symlinks, which are never followed: validation reports them. */
  problems: WalkProblem[];
}

/**
 * Every data file a build reads, with the current import generation resolved. Folders of
 * other generations (the previous one while it is being removed, one a crash left) are skipped.
 */
export async function dataLayout(dataDir: string): Promise<DataLayout> {
  const { files: all, problems } = await walkFiles(dataDir);
  const pointerText = all.includes(GENERATION_POINTER) ? await readFile(`${dataDir}/${GENERATION_POINTER}`, 'utf8').catch(() => '') : '';
  const generation = GENERATION_NAME.test(pointerText.trim()) ? pointerText.trim() : undefined;
  const files: DataFile[] = [];
  const stray: string[] = [];
  for (const rel of all) {
    if (!rel.startsWith('imported/')) {
      files.push({ rel, logical: rel });
      continue;
    }
    if (rel === GENERATION_POINTER) continue;
    const [, first, ...rest] = rel.split('/');
    if (GENERATION_NAME.test(first!)) {
      if (first === generation) files.push({ rel, logical: ['imported', ...rest].join('/') });
    } else if (generation) stray.push(rel);
    else files.push({ rel, logical: rel }); // no pointer: the flat layout, read as it is
  }
  return { files, generation, pointerText: generation ? pointerText : undefined, stray, problems };
}
