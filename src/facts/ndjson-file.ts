import type { Diagnostic } from '../lib/diagnostic.js';
import type { YamlFile } from './yaml-file.js';

/**
 * How an NDJSON file maps to one record of a `single` kind: the first object line holds the
 * record's own fields and every following line is one item of its list field `list`.
 */
export interface NdjsonSingle {
  list: string;
}

/**
 * Parses a generated NDJSON file into the same shape a YAML file of its kind has, with line
 * numbers: a list of records (line N holds record N), or, for a `single` kind, one record
 * assembled from its lines. Comment (`#`) and blank lines are skipped.
 */
export function parseNdjsonText(text: string, displayName: string, single?: NdjsonSingle): { yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const records: unknown[] = [];
  const lines: number[] = [];
  const diagnostics: Diagnostic[] = [];
  let at = 0;
  let lineNo = 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.slice(at, end).trim();
    at = end + 1;
    if (!line || line.startsWith('#')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected one JSON object on the line');
      records.push(value);
      lines.push(lineNo);
    } catch (error) {
      diagnostics.push({ file: displayName, line: lineNo, path: '', severity: 'error', rule: 'json', message: `invalid NDJSON line: ${error instanceof Error ? error.message : String(error)}`, hint: 'generated files hold one JSON object per line; re-run the import that wrote it' });
    }
  }
  if (diagnostics.length) return { diagnostics };
  if (!single) return { yaml: { file: displayName, data: records, lineOf: (path) => (typeof path[0] === 'number' ? (lines[path[0]] ?? 1) : 1) }, diagnostics };
  const [head, ...items] = records;
  const data = head === undefined ? null : { ...(head as object), [single.list]: items };
  const lineOf = (path: ReadonlyArray<string | number>) => (path[0] === single.list && typeof path[1] === 'number' ? (lines[path[1] + 1] ?? 1) : (lines[0] ?? 1));
  return { yaml: { file: displayName, data, lineOf }, diagnostics };
}
