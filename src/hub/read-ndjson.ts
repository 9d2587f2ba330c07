import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { toRecord, type HubRecord } from './record.js';

/** A line that could not be read, kept so the user can find and fix it. */
export interface BadLine {
  file: string;
  line: number;
  message: string;
}

export interface ReadStats {
  records: number;
  bad: number;
  /** The first bad lines, in file order (all of them are counted in `bad`). */
  badLines: BadLine[];
}

export const MAX_LISTED = 100;

export async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(2);
    const { bytesRead } = await fh.read(b, 0, 2, 0);
    return bytesRead === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/**
 * Streams NDJSON (plain or gzip) record by record. A bad line is counted and listed and the
 * rest kept; a last line without its newline that does not parse is reported as torn; a gzip
 * stream cut short keeps the lines read before the cut.
 */
export async function readNdjson(file: string, onRecord: (r: HubRecord) => void, stats: ReadStats): Promise<void> {
  const input = createReadStream(file);
  const stream = (await isGzip(file)) ? input.pipe(createGunzip()) : input;
  // Decoding in the stream keeps a multi-byte character split across chunks whole.
  stream.setEncoding('utf8');
  const bad = (line: number, message: string) => {
    stats.bad++;
    if (stats.badLines.length < MAX_LISTED) stats.badLines.push({ file, line, message });
  };
  let rest = '';
  let line = 0;
  const handle = (text: string, torn: boolean) => {
    line++;
    if (!text.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      bad(line, torn ? 'torn last line (the file ends mid-record: was the download or crawl cut short?)' : 'not valid JSON');
      return;
    }
    const r = toRecord(v);
    if (typeof r === 'string') bad(line, r);
    else {
      stats.records++;
      onRecord(r);
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = rest + chunk;
      let from = 0;
      for (let nl = text.indexOf('\n', from); nl !== -1; nl = text.indexOf('\n', from)) {
        handle(text.slice(from, nl), false);
        from = nl + 1;
      }
      rest = text.slice(from);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'Z_BUF_ERROR' && code !== 'Z_DATA_ERROR') throw error;
    bad(line + 1, `gzip stream ${code === 'Z_BUF_ERROR' ? 'ends early' : 'is corrupt'} after line ${line}: the lines before were kept`);
    if (rest) handle(rest, true);
    return;
  }
  if (rest) handle(rest, true);
}
