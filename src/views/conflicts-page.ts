import { z } from 'zod';
import type { Db } from '../store/db.js';
import { sqlFile } from '../store/sql.js';
import { ATTRIBUTES } from '../domain/index.js';
import { Flag } from './analytics-params.js';
import type { Disagreement } from './quality.js';

/** Filters of the conflicts page, the same as `aperture conflicts`. */
export const ConflictsParams = z.strictObject({
  release: z.string().min(1).max(200).optional(),
  attribute: z.enum(ATTRIBUTES).optional(),
  source: z.string().min(1).max(200).optional(),
  all: Flag.default(false),
});
export type ConflictsParams = z.infer<typeof ConflictsParams>;

export interface ConflictRow {
  release: string;
  name: string;
  org: string;
  attribute: string;
  recorded: string;
  recorded_sources: string;
  curated: boolean;
  observed: string;
  observed_source: string;
  upstream_name: string | null;
  resolved_value: string | null;
  resolution_reason: string | null;
  resolution_file: string | null;
  resolution_line: number | null;
}

/** Dataset conflicts matching the filters (resolved ones only with `all`), as `aperture conflicts` lists them. */
export function conflictRows(db: Db, p: { release?: string; attribute?: string; source?: string; all?: boolean }): Promise<ConflictRow[]> {
  return db.all<ConflictRow>(sqlFile('conflicts'), { release: p.release ?? null, attribute: p.attribute ?? null, source: p.source ?? null, all: Boolean(p.all) });
}

/**
 * Where imported datasets disagree with release records, with both values and both sources,
 * and where the peer openness indices (EOSAI, Model Openness Tool) judge a component otherwise
 * than our facts do (as `aperture quality` lists them).
 */
export async function conflictsView(db: Db, p: ConflictsParams) {
  const rows = await conflictRows(db, p);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.attribute, (counts.get(r.attribute) ?? 0) + 1);
  const peers = (await db.all<Disagreement>(sqlFile('quality-disagreements'), { org: null })).filter((d) => !p.release || d.release === p.release);
  return { params: p, rows, byAttribute: [...counts].map(([attribute, count]) => ({ attribute, count })).sort((a, b) => b.count - a.count), peers };
}
