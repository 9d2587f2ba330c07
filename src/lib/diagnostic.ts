/**
 * One shape for every problem Aperture finds in user input, printed the way compilers print
 * them so editors and CI logs can jump to the line:
 *   data/releases/meta/llama-3.1.yaml:12: error: params.total: expected a number [schema]
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  /** Dotted path inside the record, e.g. `releases[2].params.total`; empty for whole-file problems. */
  path: string;
  severity: Severity;
  rule: string;
  message: string;
  hint?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path ? `${printable(d.path)}: ` : '';
  const head = `${printable(d.file)}:${d.line}: ${d.severity}: ${where}${printable(d.message)} [${d.rule}]`;
  return d.hint ? `${head}\n  hint: ${printable(d.hint)}` : head;
}

/**
 * Data and file names go to terminals and CI logs: an ANSI escape in a name could recolour or
 * rewrite the screen, and a newline would break the one-problem-per-line `file:line` form. Control
 * characters are shown escaped, as JSON would write them.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * At most `perFile` problems of each file, in order, and how many were left out per file: a
 * generated file with 100,000 bad rows should not bury the other files' problems.
 */
export function firstPerFile(list: readonly Diagnostic[], perFile: number): { shown: Diagnostic[]; omitted: Map<string, number> } {
  const seen = new Map<string, number>();
  const omitted = new Map<string, number>();
  const shown: Diagnostic[] = [];
  for (const d of list) {
    const n = (seen.get(d.file) ?? 0) + 1;
    seen.set(d.file, n);
    if (n <= perFile) shown.push(d);
    else omitted.set(d.file, (omitted.get(d.file) ?? 0) + 1);
  }
  return { shown, omitted };
}

/** Stable order: by file, then line, then rule, so output diffs cleanly between runs. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  // One collator for the whole sort: localeCompare builds one per call, which made sorting
  // 500,000 problems of one broken file take many seconds. Same order as localeCompare.
  const cmp = collator.compare;
  return [...list].sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.path, b.path) || cmp(a.rule, b.rule) || cmp(a.message, b.message));
}

const collator = new Intl.Collator();

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** push(...list) passes every item as an argument and overflows the stack past ~100,000. */
export function pushAll<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

/** How many problems of one file are printed; `--json` always lists them all. */
export const SHOWN_PER_FILE = 50;

/** The printed form of a list: the first problems of each file, then a count of the rest. */
export function formatDiagnostics(list: readonly Diagnostic[], perFile = SHOWN_PER_FILE): string[] {
  const { shown, omitted } = firstPerFile(list, perFile);
  const lines = shown.map(formatDiagnostic);
  for (const [file, n] of omitted) lines.push(`${printable(file)}: ${n} more problem(s) not shown (the first ${perFile} are above; --json lists all)`);
  return lines;
}
