import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FileWriteError } from '../lib/files.js';
import { dataLayout, GENERATION_NAME, GENERATION_POINTER } from './data-files.js';

/** Staging folders are hidden (listFiles skips dot names) and carry the writer's pid. */
const STAGING = /^\.next-(\d+)-/;

/**
 * Writes one import's generated files as a new generation of data/imported/ and switches to it
 * at once: every file of the current generation that the import does not change is linked
 * into a hidden staging folder, the import's files are written there, the folder is renamed to
 * g<N+1>, and only then data/imported/CURRENT (one small file, replaced by rename) names it.
 * A reader sees the previous generation or the new one, never a mix; a crash or a full disk
 * before the switch leaves the previous generation current, and whatever was half-written
 * is removed now or by the next import. `changes` maps paths under data/ (imported/<kind>/x)
 * to their new text, or undefined to remove the file. `beforeSwitch` runs once the new
 * generation is complete, just before the pointer changes (the org table is written then).
 */
export async function commitImportGeneration(dataDir: string, changes: ReadonlyMap<string, string | Uint8Array | undefined>, beforeSwitch?: () => Promise<void>): Promise<string> {
  const importedDir = path.join(dataDir, 'imported');
  await guard(importedDir, () => mkdir(importedDir, { recursive: true }));
  await removeLeftovers(importedDir);
  const layout = await dataLayout(dataDir);
  const current = layout.files.filter((f) => f.logical.startsWith('imported/'));
  const entries = await readdir(importedDir);
  const next = `g${Math.max(0, ...entries.filter((e) => GENERATION_NAME.test(e)).map((e) => Number(e.slice(1)))) + 1}`;
  const staging = path.join(importedDir, `.next-${process.pid}-${Date.now()}`);
  const pointerTmp = path.join(importedDir, `.CURRENT.tmp-${process.pid}`);
  try {
    // A file is replaced by the import's file of the same name whatever its format: the
    // .ndjson an import writes supersedes the .yaml of the layout before NDJSON.
    const replaced = new Set([...changes.keys()].map(withoutExtension));
    for (const f of current) {
      if (replaced.has(withoutExtension(f.logical))) continue;
      const to = path.join(staging, f.logical.slice('imported/'.length));
      await guard(to, async () => {
        await mkdir(path.dirname(to), { recursive: true });
        // Generated files are never changed in place, so the new generation can share them.
        await link(path.join(dataDir, f.rel), to).catch(() => copyFile(path.join(dataDir, f.rel), to));
      });
    }
    for (const [logical, text] of changes) {
      if (text === undefined) continue;
      const to = path.join(staging, logical.slice('imported/'.length));
      await guard(to, async () => {
        await mkdir(path.dirname(to), { recursive: true });
        await writeFile(to, text);
      });
    }
    await guard(staging, () => mkdir(staging, { recursive: true }));
    const target = path.join(importedDir, next);
    await guard(target, () => rename(staging, target));
    await beforeSwitch?.();
    await guard(path.join(dataDir, GENERATION_POINTER), async () => {
      await writeFile(pointerTmp, `${next}\n`);
      await rename(pointerTmp, path.join(dataDir, GENERATION_POINTER));
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    await rm(pointerTmp, { force: true }).catch(() => {});
    await rm(path.join(importedDir, next), { recursive: true, force: true }).catch(() => {});
    throw error;
  }
  // Switched: what is left of older generations (and of the flat layout before them) goes.
  for (const e of entries) if (GENERATION_NAME.test(e) && e !== next) await rm(path.join(importedDir, e), { recursive: true, force: true }).catch(() => {});
  if (!layout.generation) for (const f of current) await rm(path.join(dataDir, f.rel), { force: true }).catch(() => {});
  return next;
}

const withoutExtension = (rel: string) => rel.replace(/\.(ya?ml|ndjson)$/, '');

/** Staging folders and pointer temporaries of writers that are no longer running. */
async function removeLeftovers(importedDir: string): Promise<void> {
  for (const e of await readdir(importedDir).catch(() => [] as string[])) {
    const pid = Number(STAGING.exec(e)?.[1] ?? /^\.CURRENT\.tmp-(\d+)$/.exec(e)?.[1]);
    if (pid && !alive(pid)) await rm(path.join(importedDir, e), { recursive: true, force: true }).catch(() => {});
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false; // an earlier, failed attempt of this very process
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function guard<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw FileWriteError.from(file, error);
  }
}
