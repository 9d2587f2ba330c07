import { z } from 'zod';
import { Slug, SourceIds } from './ids.js';
import { PartialDateSchema } from './dates.js';

export const EVENT_KINDS = [
  'policy',
  'reorganization',
  'leadership',
  'withheld-model',
  'license-change',
  'new-lab',
  'release',
  'funding',
  'regulation',
  'other',
] as const;

/** A dated, sourced happening that helps explain an openness trend. */
export const EventSchema = z.strictObject({
  id: Slug,
  date: PartialDateSchema,
  kind: z.enum(EVENT_KINDS),
  /** One line in our own words: never copied prose. */
  title: z.string().min(1),
  orgs: z.array(Slug).min(1, { error: 'link the event to at least one organization' }),
  releases: z.array(Slug).default([]),
  sources: SourceIds,
});
export type Event = z.infer<typeof EventSchema>;

export const EventFileSchema = z.array(EventSchema);
