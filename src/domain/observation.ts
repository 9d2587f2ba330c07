import { z } from 'zod';
import { HfRepoId, Slug } from './ids.js';
import { DaySchema, PartialDateSchema } from './dates.js';
import { inRange, rangeCheck, ScoreValue } from './ranges.js';

/**
 * A capability score for a release: an arena rating or a benchmark result, as a source reported
 * it on a date. Only scores of the same measure are compared.
 */
export const CapabilityObservationSchema = z.strictObject({
  release: Slug,
  /** e.g. `lmarena-text` (Elo-style rating), `mmlu`, `gpqa-diamond` (percent). */
  measure: Slug,
  value: ScoreValue,
  /** The interval the source gives around the value (e.g. Epoch's 90% interval), when it gives one. */
  low: ScoreValue.optional(),
  high: ScoreValue.optional(),
  date: PartialDateSchema,
  source: Slug,
}).refine((o) => (o.low === undefined) === (o.high === undefined) && (o.low === undefined || (o.low <= o.value && o.value <= o.high!)), {
  error: 'give both low and high, with low <= value <= high',
});
export type CapabilityObservation = z.infer<typeof CapabilityObservationSchema>;

const Count = z.number({ error: 'expected a count' }).int().nonnegative().refine(inRange('count'), rangeCheck('count', 'count'));

/** Hugging Face adoption figures for one repo on one date. */
export const AdoptionObservationSchema = z.strictObject({
  repo: HfRepoId,
  /** Resolved from the releases' hf_repos when omitted. */
  release: Slug.optional(),
  date: DaySchema,
  downloads_30d: Count.optional(),
  downloads_all_time: Count.optional(),
  likes: Count.optional(),
  derivatives: z
    .strictObject({
      finetunes: Count.optional(),
      adapters: Count.optional(),
      quantizations: Count.optional(),
      merges: Count.optional(),
    })
    .optional(),
  source: Slug,
});
export type AdoptionObservation = z.infer<typeof AdoptionObservationSchema>;

export const CapabilityFileSchema = z.array(CapabilityObservationSchema);
export const AdoptionFileSchema = z.array(AdoptionObservationSchema);
