/**
 * Capability measures. `arena` is a short name for the LMArena text arena rating; any other
 * measure id is taken as written (e.g. `gpqa-diamond`). Scores of different measures are never
 * compared or combined.
 */
export const MEASURE_ALIASES: Record<string, string> = { arena: 'lmarena-text', lmarena: 'lmarena-text' };
export const DEFAULT_MEASURE = 'lmarena-text';
/** Observations older than this, before a measure's newest one, are not compared with it. */
export const DEFAULT_MAX_AGE_DAYS = 365;

export function resolveMeasure(name: string | undefined): string {
  if (!name) return DEFAULT_MEASURE;
  return MEASURE_ALIASES[name] ?? name;
}
