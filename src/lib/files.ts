import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from './paths.js';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted for stable output. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => !rel.split('/').some((part) => part.startsWith('.')))
    .sort();
}

const WRITE_PROBLEMS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file would exceed the file-size limit (ulimit -f)',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
};

/** Out of room for a write: a full disk, a quota, a file-size limit. */
export const NO_ROOM = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * A write that failed for want of room, from a Node error (its errno code) or from DuckDB,
 * which reports the OS message in its text (`Could not write file "<path>": File too large`).
 * Undefined for any other error.
 */
export function noRoom(error: unknown): { code: string; reason: string; file?: string } | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e?.code && NO_ROOM.has(e.code)) return { code: e.code, reason: WRITE_PROBLEMS[e.code]!, file: e.path };
  const text = String(e?.message ?? error ?? '');
  const code = /No space left on device|ENOSPC/i.test(text) ? 'ENOSPC' : /File too large|EFBIG/i.test(text) ? 'EFBIG' : /Disk quota exceeded|EDQUOT/i.test(text) ? 'EDQUOT' : undefined;
  if (!code) return undefined;
  return { code, reason: WRITE_PROBLEMS[code]!, file: /Could not write file "([^"]+)"/.exec(text)?.[1] };
}

/** A file that could not be written, with the path and the reason in words, for a clean message. */
export class FileWriteError extends Error {
  constructor(
    readonly file: string,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(`cannot write ${displayPath(file)}: ${(code && WRITE_PROBLEMS[code]) ?? (cause instanceof Error ? cause.message : String(cause))}${code ? ` (${code})` : ''}`, { cause });
  }

  static from(file: string, error: unknown): FileWriteError {
    return error instanceof FileWriteError ? error : new FileWriteError(file, (error as NodeJS.ErrnoException | undefined)?.code, error);
  }
}

/**
 * Writes a file through a temporary name in the same folder and a rename, so a reader or a
 * crash never sees half a file and a failed write leaves the previous one as it was (and no
 * temporary behind). Failures are FileWriteErrors naming the file.
 */
export async function writeFileAtomic(file: string, text: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => {});
    throw FileWriteError.from(file, error);
  }
}

/** Something under a data folder that could not be taken as a file: unreadable, or a symlink. */
export interface WalkProblem {
  rel: string;
  kind: 'unreadable-folder' | 'symlink';
  code?: string;
}

/**
 * Like listFiles, but one folder that cannot be listed (permissions) or a symlink does not end
 * the walk: each becomes a problem naming its path, and the rest is still listed. Symlinks are
 * never followed, so a loop cannot make the walk run forever and every file read lies inside
 * the folder (a link to a file elsewhere would be data nobody reviewed in data/).
 */
export async function walkFiles(dir: string): Promise<{ files: string[]; problems: WalkProblem[] }> {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const pending: string[] = [''];
  while (pending.length) {
    const relDir = pending.pop()!;
    let entries;
    try {
      entries = await readdir(path.join(dir, relDir), { withFileTypes: true });
    } catch (error) {
      problems.push({ rel: relDir, kind: 'unreadable-folder', code: (error as NodeJS.ErrnoException).code });
      continue;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const rel = relDir ? `${relDir}/${e.name}` : e.name;
      if (e.isSymbolicLink()) problems.push({ rel, kind: 'symlink' });
      else if (e.isDirectory()) pending.push(rel);
      else if (e.isFile()) files.push(rel);
    }
  }
  files.sort();
  problems.sort((a, b) => a.rel.localeCompare(b.rel));
  return { files, problems };
}
