import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../lib/diagnostic.js';

/**
 * Size limits per data file, checked before a byte is parsed: YAML parsing holds the whole
 * document several times over in memory, so a 100 MB file would exhaust the heap. Generated
 * files (data/imported/) are written by the importers and may be larger than what people edit.
 */
export const MAX_CURATED_BYTES = 4 * 1024 * 1024;
export const MAX_GENERATED_BYTES = 32 * 1024 * 1024;

/** Deeper nesting than this in a data file is refused before parsing (the parser recurses). */
export const MAX_NESTING = 64;

export const sizeLimitOf = (rel: string) => (rel.startsWith('imported/') ? MAX_GENERATED_BYTES : MAX_CURATED_BYTES);

const mib = (n: number) => `${+(n / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Reads a data file as text, or says why it cannot be used: too big, unreadable, or not UTF-8.
 * CR-only line ends (old Mac editors) become LF so lines are counted as an editor shows them.
 */
export async function readDataText(file: string, shown: string, limit: number): Promise<{ text?: string; problem?: Diagnostic }> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > limit) return { problem: sizeProblem(shown, info.size, limit) };
    bytes = await readFile(file);
  } catch (error) {
    return { problem: readProblem(shown, error as NodeJS.ErrnoException) };
  }
  return decodeDataBytes(bytes, shown);
}

const problemAt = (file: string, line: number, rule: string, message: string, hint: string): Diagnostic => ({ file, line, path: '', severity: 'error', rule, message, hint });

export const sizeProblem = (shown: string, size: number, limit: number) =>
  problemAt(shown, 1, 'size', `file is ${mib(size)}, above the limit of ${mib(limit)} per data file; it was not parsed`, 'split it into several files (see data/README.md, "Size limits")');

export const readProblem = (shown: string, error: NodeJS.ErrnoException) =>
  problemAt(shown, 1, 'read', `cannot read the file (${error.code ?? 'error'})`, 'check its permissions: the user running aperture must be able to read it');

/**
 * The text of a data file's bytes, or why it cannot be used: not UTF-8, or nested too deep to
 * parse safely. CR-only line ends (old Mac editors) become LF so lines are counted as an editor shows them.
 */
export function decodeDataBytes(bytes: Buffer, shown: string): { text?: string; problem?: Diagnostic } {
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) {
    const line = 1 + countNewlines(bytes, bad);
    return { problem: problemAt(shown, line, 'encoding', `invalid UTF-8 byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at byte ${bad}`, 'save the file as UTF-8') };
  }
  const text = bytes.toString('utf8').replace(/\r(?!\n)/g, '\n');
  const deep = tooDeep(text);
  if (deep) return { problem: problemAt(shown, deep.line, 'yaml', `nesting deeper than ${MAX_NESTING} levels; it was not parsed`, 'flatten the structure: no record in data/ needs this depth') };
  return { text };
}

function countNewlines(bytes: Buffer, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/** Byte offset of the first malformed UTF-8 sequence, or undefined when the bytes are valid. */
export function firstInvalidUtf8(b: Uint8Array): number | undefined {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points above U+10FFFF.
    if (c === 0xe0 && b[i + 1]! < 0xa0) return i;
    if (c === 0xed && b[i + 1]! > 0x9f) return i;
    if (c === 0xf0 && b[i + 1]! < 0x90) return i;
    if (c === 0xf4 && b[i + 1]! > 0x8f) return i;
    i += n + 1;
  }
  return undefined;
}

/**
 * A cheap upper estimate of nesting, line by line: open flow brackets outside quotes, plus
 * "- " items opened on one line, plus indentation. The YAML parser recurses per level (and
 * builds a pattern per indentation), so 10,000 levels overflow the stack or the heap.
 */
function tooDeep(text: string): { line: number } | undefined {
  let flow = 0;
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && text[i] === ' ') i++;
    const indent = i - start;
    let dashes = 0;
    while (i < end && text[i] === '-' && (text[i + 1] === ' ' || i + 1 === end)) {
      dashes++;
      i += 2;
      while (i < end && text[i] === ' ') i++;
    }
    let quote = '';
    for (; i < end; i++) {
      const ch = text[i]!;
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || (ch === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' '))) quote = ch;
      else if (ch === '#' && /\s/.test(text[i - 1] ?? ' ')) break;
      else if (ch === '[' || ch === '{') flow++;
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      if (flow > MAX_NESTING) return { line };
    }
    if (dashes > MAX_NESTING || indent > MAX_NESTING * 4) return { line };
    start = end + 1;
    line++;
  }
  return undefined;
}
