import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, isAlias, visit, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../lib/diagnostic.js';
import { MAX_CURATED_BYTES, readDataText } from './safe-text.js';

export type YamlPath = ReadonlyArray<string | number>;

/** A parsed YAML file that can say on which line any path inside it starts. */
export interface YamlFile {
  file: string;
  data: unknown;
  /** Line (1-based) of the deepest node that exists along `path`; line 1 when nothing matches. */
  lineOf(path: YamlPath): number;
}

export async function readYamlFile(file: string, displayName: string, limit = MAX_CURATED_BYTES): Promise<{ yaml?: YamlFile; diagnostics: Diagnostic[] }> {
  const { text, problem } = await readDataText(file, displayName, limit);
  if (problem) return { diagnostics: [problem] };
  return parseYamlText(text!, displayName);
}

export function parseYamlText(text: string, displayName: string): { yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  // `uniqueKeys` makes a repeated key an error instead of silently keeping the last one.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  // Warnings are errors here: an unknown tag (`!!js/function`, `!include`) would otherwise be
  // read silently as a plain string, and data/ has no use for tags at all.
  for (const err of [...doc.errors, ...doc.warnings]) {
    const line = err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
    diagnostics.push({
      file: displayName,
      line,
      path: '',
      severity: 'error',
      rule: 'yaml',
      message: firstLine(err.message),
      hint: err.code === 'DUPLICATE_KEY' ? 'each key may appear once in a mapping' : err.code === 'TAG_RESOLVE_FAILED' ? 'remove the tag: data/ files are plain YAML without tags' : 'check the indentation and quoting on this line',
    });
  }
  if (diagnostics.length) return { diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias bomb (aliases of aliases expanding to millions of nodes) or a structure the
    // converter cannot walk: a finding at the first alias, never an unexpected error.
    const line = firstAliasLine(doc, lineCounter);
    const bomb = /excessive alias count/i.test(String((error as Error).message));
    return {
      diagnostics: [{ file: displayName, line, path: '', severity: 'error', rule: 'yaml',
        message: bomb ? 'aliases expand to too many nodes (more than 100 alias uses)' : `cannot read the document: ${firstLine(String((error as Error).message))}`,
        hint: bomb ? 'write the values out instead of nesting aliases (*name) of aliases' : 'simplify the structure of this file' }],
    };
  }
  return { yaml: { file: displayName, data, lineOf: (path) => lineOfPath(doc, lineCounter, path) }, diagnostics };
}

function firstAliasLine(doc: Document, counter: LineCounter): number {
  let line = 1;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) line = counter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
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
