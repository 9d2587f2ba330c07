import { z } from 'zod';
import { ScoreValue } from './ranges.js';
import { Slug } from './ids.js';
import { ReleaseSchema } from './release.js';
import { DATE_KINDS } from './date-kinds.js';

/**
 * Records that imports of public datasets add to the fact base. Imported facts never replace
 * curated ones: a dataset row about a release that already exists becomes attribute
 * observations (who says what), and disagreements with the recorded value are conflicts.
 */

/** A release created by an importer: like a curated release, but it names its org directly. */
export const ImportedReleaseSchema = ReleaseSchema.extend({
  org: Slug,
  /** Imported releases are not grouped into families by hand; each is its own family unless named. */
  family: Slug.optional(),
});
export type ImportedRelease = z.infer<typeof ImportedReleaseSchema>;

export const ATTRIBUTES = ['date', 'params-total', 'params-active', 'access', 'license', 'hf-repo'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** What one upstream dataset says about one attribute of a release. */
export const AttributeObservationSchema = z.strictObject({
  release: Slug,
  attribute: z.enum(ATTRIBUTES),
  /** Date text, a parameter count, a comma-joined access list, a license id or a Hub repo id. */
  value: z.union([z.string().min(1), z.number()]),
  source: Slug,
  /** For a `date`: what the dataset's date stands for (launch, upload, publication...). */
  date_kind: z.enum(DATE_KINDS).optional(),
  /** The name the dataset uses, so a reviewer can find the row. */
  upstream_name: z.string().min(1).optional(),
});
export type AttributeObservation = z.infer<typeof AttributeObservationSchema>;

/** A curated decision on a conflict: which value holds for the release, and why. */
export const OverrideSchema = z.strictObject({
  release: Slug,
  attribute: z.enum(ATTRIBUTES),
  value: z.union([z.string().min(1), z.number()]),
  reason: z.string().min(1, { error: 'say why this value holds' }),
  source: Slug.optional(),
});
export type Override = z.infer<typeof OverrideSchema>;

export const UNMATCHED_REASONS = ['unmatched', 'ambiguous', 'unknown-org', 'incomplete'] as const;

/** An upstream name the importers could not tie to exactly one release; never guessed. */
export const UnmatchedSchema = z.strictObject({
  upstream: Slug,
  name: z.string().min(1),
  org: z.string().min(1).optional(),
  reason: z.enum(UNMATCHED_REASONS),
  /** For ambiguous names: the releases it could be. */
  candidates: z.array(Slug).default([]),
  /** What the row is missing, for `incomplete`. */
  detail: z.string().min(1).optional(),
  /** How many upstream rows carry this name (LMArena repeats a name in every snapshot). */
  rows: z.number().int().positive().default(1),
});
export type Unmatched = z.infer<typeof UnmatchedSchema>;

/** Names a release goes by in upstream datasets, for entity resolution. */
export const ReleaseAliasSchema = z.strictObject({
  release: Slug,
  names: z.array(z.string().min(1)).min(1),
  /** Restrict the alias to one upstream dataset (source id), when the name means something else elsewhere. */
  upstream: Slug.optional(),
  /**
   * Ids of releases merged into this one (duplicates an import had created): they keep
   * resolving to it, for links and `aperture release <id>`, and may not be used by a release.
   */
  merged_ids: z.array(Slug).default([]),
});
export type ReleaseAlias = z.infer<typeof ReleaseAliasSchema>;

/**
 * An API endpoint name that an import created as a release (`-latest`, a dated `-preview`, a
 * `-chat` snapshot of one model): set as that release's `endpoint_of`, so it is never counted
 * as a release. Curated records set `endpoint_of` themselves.
 */
export const EndpointAliasSchema = z.strictObject({
  release: Slug,
  endpoint_of: Slug,
  /** Why the name is an endpoint of that release, in our own words. */
  reason: z.string().min(1),
  source: Slug.optional(),
});
export type EndpointAlias = z.infer<typeof EndpointAliasSchema>;

/** Spellings of an organization in upstream datasets, mapped to its id. */
export const OrgAliasSchema = z.strictObject({
  org: Slug,
  names: z.array(z.string().min(1)).min(1),
  /**
   * Only for models whose name contains one of these words (case, spaces and hyphens ignored):
   * a lab that publishes under its parent's name (Gemma and Gemini rows say "Google", the
   * models are Google DeepMind's). Other rows with these spellings resolve as before.
   */
  models: z.array(z.string().min(1)).min(1).optional(),
  /** Why these models belong to `org`, for a reviewer. */
  reason: z.string().min(1).optional(),
  source: Slug.optional(),
});
export type OrgAlias = z.infer<typeof OrgAliasSchema>;

/**
 * Scores of one release on one measure from one source over many dates (an arena's history),
 * written as one record so a long history stays small and quick to read. Loads as one
 * capability observation per date.
 */
export const CapabilitySeriesSchema = z.strictObject({
  release: Slug,
  measure: Slug,
  source: Slug,
  /** Date (YYYY-MM-DD, YYYY-MM or YYYY) -> score. */
  scores: z.record(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'expected a date as YYYY-MM-DD, YYYY-MM or YYYY' }), ScoreValue),
});
export type CapabilitySeries = z.infer<typeof CapabilitySeriesSchema>;
