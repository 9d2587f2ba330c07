import { z } from 'zod';
import { Slug, Url } from './ids.js';
import { DaySchema } from './dates.js';

/** Where a fact comes from. Facts cite sources by id. */
export const SourceSchema = z.strictObject({
  id: Slug,
  url: Url,
  publisher: z.string().min(1),
  title: z.string().min(1).optional(),
  /** The license of the material itself (e.g. CC-BY-4.0 for Epoch's data), when known. */
  license: z.string().min(1).optional(),
  /** When someone last read the source and checked the facts that cite it. */
  accessed: DaySchema,
  kind: z
    .enum(['model-card', 'announcement', 'paper', 'repository', 'documentation', 'license-text', 'dataset', 'news', 'leaderboard', 'api', 'other'])
    .optional(),
});
export type Source = z.infer<typeof SourceSchema>;
