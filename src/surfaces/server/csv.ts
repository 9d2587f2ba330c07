/**
 * RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break. Lists are joined with "; ", objects written as JSON. Text that a spreadsheet
 * would run as a formula (starting with =, +, - or @, and not a number) gets a leading
 * apostrophe, the OWASP advice for CSV injection.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const keys = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [keys.map(field).join(','), ...rows.map((r) => keys.map((k) => field(cell(r[k]))).join(','))];
  return lines.join('\r\n') + '\r\n';
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === 'object' ? JSON.stringify(x) : String(x))).join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  const text = String(v);
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d/.test(text) ? `'${text}` : text;
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
