export interface Column<R> {
  key: keyof R & string;
  label?: string;
  format?: (value: unknown, row: R) => string;
  align?: 'left' | 'right';
  /** Cut longer cells with an ellipsis so rows stay on one line. */
  max?: number;
}

/** Plain aligned columns, like `ls -l`: readable in a terminal and in a pasted issue. */
export function renderTable<R extends object>(rows: readonly R[], columns: readonly Column<R>[]): string {
  if (rows.length === 0) return '(no rows)';
  const cells = rows.map((row) =>
    columns.map((c) => {
      const raw = c.format ? c.format(row[c.key], row) : display(row[c.key]);
      return c.max && raw.length > c.max ? raw.slice(0, c.max - 1) + '…' : raw;
    }),
  );
  const headers = columns.map((c) => c.label ?? c.key);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values.map((v, i) => (columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Key: value lines for one record. */
export function renderRecord(entries: ReadonlyArray<[string, unknown]>): string {
  const width = Math.max(...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${(k + ':').padEnd(width + 2)}${display(v) || 'unknown'}`).join('\n');
}
