import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted for stable output. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => !rel.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/**
 * Writes a file through a temporary name in the same folder and a rename, so a reader or a
 * crash never sees half a file and a failed write leaves the previous one as it was.
 */
export async function writeFileAtomic(file: string, text: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}
