/**
 * Generated files are NDJSON: one JSON object per line, so a diff between two imports shows one
 * line per changed record and reading them is JSON.parse, not a YAML parser (2.7 s of a build
 * when they were YAML). Lines starting with `#` are comments (the header naming the dataset);
 * data/README.md documents the format.
 */
export function ndjsonLines(items: readonly object[]): string {
  return items.map((item) => JSON.stringify(item)).join('\n') + (items.length ? '\n' : '');
}

/** A header of `# ` comment lines, as generated files start. */
export function commentLines(lines: readonly string[]): string {
  return lines.map((l) => (l ? `# ${l}` : '#')).join('\n') + '\n';
}
