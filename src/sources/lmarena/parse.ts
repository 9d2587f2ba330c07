import type { UpstreamScore } from '../../domain/index.js';
import { readCsv } from '../csv.js';

/** The snapshot date in a history file name: `2024.07.07.csv` or `2024-06-19-3792cf0.csv`. */
export function snapshotDate(fileName: string): string | undefined {
  const m = /(\d{4})[.-](\d{2})[.-](\d{2})/.exec(fileName);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * One text-arena snapshot. Older files call the rating `arena_elo`, newer ones `arena_score`;
 * both are the same Elo-style rating, imported as the `lmarena-text` measure on the snapshot date.
 */
export function parseLmarenaSnapshot(text: string, date: string): UpstreamScore[] {
  const out: UpstreamScore[] = [];
  for (const row of readCsv(text)) {
    const name = row['model']?.trim();
    const value = Number(row['arena_score'] ?? row['arena_elo']);
    if (!name || !Number.isFinite(value) || value <= 0) continue;
    out.push({ name, orgNames: row['organization']?.trim() ? [row['organization'].trim()] : [], measure: 'lmarena-text', value, date });
  }
  return out;
}
