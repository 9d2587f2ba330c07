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
  const where = d.path ? `${d.path}: ` : '';
  const head = `${d.file}:${d.line}: ${d.severity}: ${where}${d.message} [${d.rule}]`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** Stable order: by file, then line, then rule, so output diffs cleanly between runs. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.path.localeCompare(b.path) ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
