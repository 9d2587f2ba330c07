import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const CHECKSUMS_FILE = 'SHA256SUMS';

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/** `sha256sum -c` compatible lines: `<hex>  <relative path>`, sorted by path. */
export function renderChecksums(sums: Record<string, string>): string {
  return Object.keys(sums).sort().map((rel) => `${sums[rel]}  ${rel}\n`).join('');
}

export function parseChecksums(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (m) out[m[2]!] = m[1]!;
  }
  return out;
}

/** The files of a snapshot whose content no longer matches SHA256SUMS (missing ones included). */
export async function changedFiles(dir: string): Promise<string[]> {
  const sums = parseChecksums(await readFile(path.join(dir, CHECKSUMS_FILE), 'utf8'));
  const bad: string[] = [];
  for (const [rel, hex] of Object.entries(sums)) {
    const actual = await sha256File(path.join(dir, rel)).catch(() => null);
    if (actual !== hex) bad.push(rel);
  }
  return bad;
}
