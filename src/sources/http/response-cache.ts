import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface CachedResponse {
  url: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  /** When the body was last fetched or revalidated, ISO. */
  fetched: string;
  body: Buffer;
}

/**
 * Responses kept on disk by URL (gzip bodies beside a small JSON record), so a rerun asks the
 * upstream "changed since?" (If-None-Match / If-Modified-Since) and reuses the body on 304.
 * Each file is written through a temporary name and a rename.
 */
export class ResponseCache {
  constructor(readonly dir: string) {}

  private file(url: string): string {
    return path.join(this.dir, createHash('sha256').update(url).digest('hex').slice(0, 32));
  }

  async get(url: string): Promise<CachedResponse | undefined> {
    const base = this.file(url);
    if (!existsSync(`${base}.json`) || !existsSync(`${base}.body.gz`)) return undefined;
    try {
      const meta = JSON.parse(await readFile(`${base}.json`, 'utf8')) as Omit<CachedResponse, 'body'>;
      if (meta.url !== url) return undefined;
      return { ...meta, body: gunzipSync(await readFile(`${base}.body.gz`)) };
    } catch {
      // A damaged entry is a cache miss, not a failure of the run.
      return undefined;
    }
  }

  async put(entry: CachedResponse): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const base = this.file(entry.url);
    const { body, ...meta } = entry;
    const tmp = `${base}.tmp-${process.pid}`;
    await writeFile(`${tmp}.body.gz`, gzipSync(body));
    await rename(`${tmp}.body.gz`, `${base}.body.gz`);
    await writeFile(`${tmp}.json`, JSON.stringify(meta));
    await rename(`${tmp}.json`, `${base}.json`);
  }
}
