import type { z } from 'zod';
import type { Diagnostic } from '../lib/diagnostic.js';
import { closest } from '../lib/suggest.js';
import type { YamlFile, YamlPath } from './yaml-file.js';

/**
 * Turns zod issues into diagnostics that speak the user's words: the key they wrote, the line it
 * is on, and what would be valid there. Messages we wrote in the schemas (lower case) are kept;
 * zod's generic ones ("Invalid input ...") are rewritten.
 */
export function zodDiagnostics(error: z.ZodError, yaml: YamlFile, base: YamlPath, knownKeys: Iterable<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const guess = closest(key, knownKeys);
        out.push(diag(yaml, keyPath, 'schema', `unknown field "${key}"`, guess ? `did you mean "${guess}"?` : 'remove it, or check data/README.md for the fields this record takes'));
      }
      continue;
    }
    const value = valueAt(yaml.data, path);
    const last = path[path.length - 1];
    if (issue.code === 'invalid_type' && value === undefined) {
      const isSource = last === 'sources' || last === 'source';
      out.push(
        diag(yaml, path, isSource ? 'missing-source' : 'schema', `missing required field "${String(last)}"`, isSource ? 'every fact cites a source: add `sources: [<source-id>]` (see data/README.md, "Add a source")' : undefined),
      );
      continue;
    }
    const rule = issue.code === 'custom' && typeof issue.params?.rule === 'string' ? issue.params.rule : 'schema';
    // Our own messages (schema `error:` options and custom checks) are kept as written.
    const custom = issue.code === 'custom' || /^[a-z]/.test(issue.message);
    let message = issue.message;
    let hint: string | undefined;
    if (!custom) {
      switch (issue.code) {
        case 'invalid_type':
          message = `expected ${article(issue.expected)}, got ${describe(value)}`;
          break;
        case 'invalid_value': {
          const values = issue.values.map(String);
          message = `expected one of ${values.join(', ')}; got ${describe(value)}`;
          const guess = typeof value === 'string' ? closest(value, values) : undefined;
          if (guess) hint = `did you mean "${guess}"?`;
          break;
        }
        case 'too_small':
          message = issue.origin === 'array' ? `expected at least ${issue.minimum} item(s)` : `expected a value of at least ${issue.minimum}, got ${describe(value)}`;
          break;
        case 'too_big':
          message = issue.origin === 'array' ? `expected at most ${issue.maximum} item(s)` : `expected a value of at most ${issue.maximum}, got ${describe(value)}`;
          break;
        case 'invalid_union':
          message = `unexpected value ${describe(value)}`;
          hint = 'see data/README.md for the values this field takes; use `unknown` when no source says';
          break;
        default:
          message = `invalid value ${describe(value)}`;
      }
    }
    out.push(diag(yaml, path, rule, message, hint));
  }
  return out;
}

function diag(yaml: YamlFile, path: YamlPath, rule: string, message: string, hint?: string): Diagnostic {
  return { file: yaml.file, line: yaml.lineOf(path), path: formatPath(recordPath(path)), severity: 'error', rule, message, ...(hint ? { hint } : {}) };
}

/**
 * The path inside the record the line points at, as in `params.total`: the item index of a list
 * file and the `releases[i]` / `family` wrapper of a release file are already told by the line.
 */
export function recordPath(path: YamlPath): YamlPath {
  if (typeof path[0] === 'number') return path.slice(1);
  if (path[0] === 'releases' && typeof path[1] === 'number') return path.slice(2);
  if (path[0] === 'family' && path.length > 1) return path.slice(1);
  return path;
}

/** `releases[2].params.total`: the path as a reader would write it. */
export function formatPath(path: YamlPath): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let cur = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value.length > 60 ? value.slice(0, 57) + '...' : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
