import { z } from 'zod';
import type { Db } from '../store/db.js';
import { assessmentQueries, queries } from '../store/queries.js';

export const RUBRICS = ['license', 'access', 'mof', 'osai', 'osaid', 'profile'] as const;
export type Rubric = (typeof RUBRICS)[number];

/** How each rubric is titled wherever it is shown (CLI, release pages). */
export const RUBRIC_TITLES: Record<Rubric, string> = {
  license: 'License',
  access: 'Access tier (Epoch AI labels)',
  mof: 'Model Openness Framework',
  osai: 'European Open Source AI Index grades',
  osaid: 'OSI Open Source AI Definition 1.0',
  profile: 'Openness profile',
};
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
