import { z } from 'zod';
import type { Db } from '../store/db.js';
import { assessmentQueries, queries } from '../store/queries.js';

export const RUBRICS = ['license', 'access', 'mof', 'osai', 'osaid', 'profile'] as const;
export const AssessParams = z.strictObject({ rubric: z.enum(RUBRICS).optional() });

/** The stored rubric results of one release, each with its reasons; undefined for an unknown id. */
export async function assessView(db: Db, id: string, params: z.infer<typeof AssessParams>) {
  const release = await queries.release(db, id);
  if (!release) return undefined;
  const rows = await assessmentQueries.releaseAssessments(db, id, params.rubric);
  return {
    release: { id, name: (release as { name: string }).name },
    rubrics: rows.map((r) => ({ rubric: r.rubric, version: r.version, summary: r.summary, result: JSON.parse(r.result_json) as { reasons?: string[] } & Record<string, unknown> })),
  };
}
