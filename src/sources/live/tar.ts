import { gunzipSync } from 'node:zlib';

export interface TarEntry {
  path: string;
  body: Buffer;
}

export interface TarArchive {
  files: TarEntry[];
  /** The pax global header's `comment`: `git archive` (so GitHub's tarball API) puts the commit id there. */
  comment?: string;
}

/** Limits that keep a hostile or runaway archive from exhausting memory. */
const MAX_UNPACKED = 256 * 1024 * 1024;
const MAX_ENTRIES = 100_000;

const text = (b: Buffer, from: number, len: number) => b.subarray(from, from + len).toString('utf8').replace(/\0.*$/s, '');
const octal = (b: Buffer, from: number, len: number) => {
  const s = text(b, from, len).trim();
  return /^[0-7]+$/.test(s) ? parseInt(s, 8) : NaN;
};

/** `key=value` records of a pax extended header ("<len> key=value\n" each). */
function paxRecords(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const len = Number(body.subarray(at, space).toString());
    if (space < 0 || !Number.isInteger(len) || len <= 0) break;
    const record = body.subarray(space + 1, at + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += len;
  }
  return out;
}

/**
 * Reads a gzip-compressed ustar/pax archive whole, as GitHub's tarball endpoint serves a
 * repository: regular files only (links and folders are skipped), long names from pax `path`
 * records. An archive cut off anywhere (gzip, a header, a file body) is an error, never a
 * shorter listing: a cut-off tarball must not look like a repository that lost files.
 */
export function readTarGz(gz: Buffer): { ok: true; value: TarArchive } | { ok: false; error: string } {
  let tar: Buffer;
  try {
    tar = gunzipSync(gz, { maxOutputLength: MAX_UNPACKED });
  } catch (error) {
    return { ok: false, error: `the archive is not complete gzip (${error instanceof Error ? error.message : String(error)}); it may have been cut off` };
  }
  const files: TarEntry[] = [];
  let comment: string | undefined;
  let pax: Record<string, string> = {};
  let at = 0;
  let ended = false;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((x) => x === 0)) {
      ended = true;
      break;
    }
    const size = octal(header, 124, 12);
    const stored = octal(header, 148, 8);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
    if (!Number.isFinite(size) || sum !== stored) return { ok: false, error: `the archive has a damaged header at byte ${at}` };
    const type = String.fromCharCode(header[156]!);
    const bodyAt = at + 512;
    if (bodyAt + size > tar.length) return { ok: false, error: 'the archive is cut off inside a file' };
    const body = tar.subarray(bodyAt, bodyAt + size);
    at = bodyAt + Math.ceil(size / 512) * 512;
    if (type === 'g') {
      comment = paxRecords(body).comment ?? comment;
      continue;
    }
    if (type === 'x') {
      pax = paxRecords(body);
      continue;
    }
    const prefix = text(header, 345, 155);
    const name = pax.path ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    pax = {};
    if (type === '0' || type === '\0') files.push({ path: name, body: Buffer.from(body) });
    if (files.length > MAX_ENTRIES) return { ok: false, error: `the archive has more than ${MAX_ENTRIES} files` };
  }
  if (!ended) return { ok: false, error: 'the archive ends without its end-of-archive blocks; it may have been cut off' };
  return { ok: true, value: { files, ...(comment ? { comment } : {}) } };
}
