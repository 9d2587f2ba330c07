import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../lib/diagnostic.js';

export type YamlPath = ReadonlyArray<string | number>;

/** A parsed YAML file that can say on which line any path inside it starts. */
export interface YamlFile {
  file: string;
  data: unknown;
  /** Line (1-based) of the deepest node that exists along `path`; line 1 when nothing matches. */
  lineOf(path: YamlPath): number;
}

export async function readYamlFile(file: string, displayName: string): Promise<{ yaml?: YamlFile; diagnostics: Diagnostic[] }> {
  const text = await readFile(file, 'utf8');
  return parseYamlText(text, displayName);
}

export function parseYamlText(text: string, displayName: string): { yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  // `uniqueKeys` makes a repeated key an error instead of silently keeping the last one.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  for (const err of doc.errors) {
    const line = err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
    diagnostics.push({
      file: displayName,
      line,
      path: '',
      severity: 'error',
      rule: 'yaml',
      message: firstLine(err.message),
      hint: err.code === 'DUPLICATE_KEY' ? 'each key may appear once in a mapping' : 'check the indentation and quoting on this line',
    });
  }
  if (diagnostics.length) return { diagnostics };
  const data = doc.toJS({ maxAliasCount: 100 });
  return { yaml: { file: displayName, data, lineOf: (path) => lineOfPath(doc, lineCounter, path) }, diagnostics };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function lineOfPath(doc: Document, counter: LineCounter, path: YamlPath): number {
  let node: unknown = doc.contents;
  let line = startLine(node, counter) ?? 1;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      // Point at the key's line: for a block value that is where the reader looks.
      if (pair) {
        line = startLine(pair.key, counter) ?? line;
        next = pair.value;
      }
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
    }
    if (next === undefined || next === null) return line;
    const l = startLine(next, counter);
    if (l !== undefined && !(isMap(node) && typeof key !== 'number')) line = l;
    node = next;
  }
  return line;
}

function startLine(node: unknown, counter: LineCounter): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}
