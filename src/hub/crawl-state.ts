import { mkdir, open, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where a crawl in progress keeps what it has: pages appended to `models.ndjson.gz.partial` (one
 * gzip member per page; concatenated members read as one stream), and after each page the
 * cursor to continue from and the partial file's length, written atomically. A crash between
 * the two leaves bytes past `bytes`, which a resume cuts off before going on.
 */
export interface CrawlState {
  hubUrl: string;
  /** The next page to ask for (the Link header's rel="next" of the last page kept). */
  next: string;
  pages: number;
  records: number;
  bytes: number;
  /** Every page URL asked for, to notice a Link that sends the crawl back to a page it read. */
  seen: string[];
  startedAt: string;
}

export const partialFile = (dayDir: string) => path.join(dayDir, 'models.ndjson.gz.partial');
const stateFile = (dayDir: string) => path.join(dayDir, 'crawl-state.json');

export async function loadState(dayDir: string): Promise<CrawlState | undefined> {
  const text = await readFile(stateFile(dayDir), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const state = JSON.parse(text) as CrawlState;
  const size = (await stat(partialFile(dayDir)).catch(() => undefined))?.size ?? 0;
  if (size < state.bytes) return undefined;
  if (size > state.bytes) await truncate(partialFile(dayDir), state.bytes);
  return state;
}

export async function saveState(dayDir: string, state: CrawlState): Promise<void> {
  const tmp = `${stateFile(dayDir)}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify(state));
  await rename(tmp, stateFile(dayDir));
}

export async function resetState(dayDir: string): Promise<void> {
  await mkdir(dayDir, { recursive: true });
  await rm(stateFile(dayDir), { force: true });
  await rm(partialFile(dayDir), { force: true });
}

/** Appends one page, flushed to disk before the state that counts it is written. */
export async function appendPage(dayDir: string, gz: Buffer): Promise<void> {
  const fh = await open(partialFile(dayDir), 'a');
  try {
    await fh.write(gz);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Makes the crawl visible: the partial file takes the snapshot's name in one rename. */
export async function finish(dayDir: string, final: string, manifest: unknown): Promise<void> {
  await writeFile(path.join(dayDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  await rename(partialFile(dayDir), final);
  await rm(stateFile(dayDir), { force: true });
}
