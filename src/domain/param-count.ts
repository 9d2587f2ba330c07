/** 7B, 405B, 1.2T: a parameter count as people write it. Free of zod so the CLI's tables load fast. */
export function formatParamCount(n: number | null | undefined): string {
  if (n == null) return 'unknown';
  for (const [suffix, size] of [['T', 1e12], ['B', 1e9], ['M', 1e6], ['K', 1e3]] as const) {
    if (n >= size) return `${+(n / size).toFixed(n / size >= 100 ? 0 : 1)}${suffix}`;
  }
  return String(n);
}
