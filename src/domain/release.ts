import { z } from 'zod';
import { HfRepoId, Slug, SourceIds, Url } from './ids.js';
import { PartialDateSchema } from './dates.js';
import { ParamCount } from './params.js';
import { COMPONENT_IDS, COMPONENT_STATUSES } from './components.js';
import { LicenseId } from './license.js';
import { DATE_KINDS } from './date-kinds.js';

export const MODALITIES = ['text', 'image', 'audio', 'video', 'code'] as const;
export const RELEASE_TYPES = ['base', 'instruct', 'reasoning', 'other'] as const;
/**
 * How a release can be reached. `open-weights` means downloadable without asking;
 * `gated-weights` means downloadable after accepting terms or an approval.
 */
export const ACCESS_CHANNELS = ['open-weights', 'gated-weights', 'api', 'hosted-app', 'none'] as const;
export type AccessChannel = (typeof ACCESS_CHANNELS)[number];

/** The status of one MOF component of a release, with the evidence for it. */
export const ComponentFactSchema = z.strictObject({
  status: z.enum(COMPONENT_STATUSES),
  license: LicenseId.optional(),
  /** Where the component (or the statement about it) can be seen. */
  url: Url.optional(),
  source: Slug.optional(),
});
export type ComponentFact = z.infer<typeof ComponentFactSchema>;

export const ComponentsSchema = z.partialRecord(z.enum(COMPONENT_IDS), ComponentFactSchema);

/**
 * One dated change of how a release can be reached or licensed (weights opened after an API
 * launch, gated, withdrawn; a relicensing). `from` is the state before the change, `to` the
 * state after; the last change's `to` is the release's current `access` / `license`, and the
 * first change's `from` is its state as first released.
 */
export const ReleaseChangeSchema = z.strictObject({
  date: PartialDateSchema,
  access: z.strictObject({ from: z.array(z.enum(ACCESS_CHANNELS)).min(1), to: z.array(z.enum(ACCESS_CHANNELS)).min(1) }).optional(),
  /** `from: unknown` when no source says what the license was before. */
  license: z.strictObject({ from: z.union([LicenseId, z.literal('unknown')]), to: LicenseId }).optional(),
  source: Slug,
}).refine((c) => c.access !== undefined || c.license !== undefined, { error: 'a change names what changed: access, license or both' });
export type ReleaseChange = z.infer<typeof ReleaseChangeSchema>;

/** A model family groups the versions and sizes released together under one name. */
export const FamilySchema = z.strictObject({
  id: Slug,
  name: z.string().min(1),
  org: Slug,
  url: Url.optional(),
  sources: SourceIds,
});
export type Family = z.infer<typeof FamilySchema>;

/** One downloadable or servable model version/size. */
export const ReleaseSchema = z.strictObject({
  id: Slug,
  name: z.string().min(1),
  /** Defaults to the family's organization; set it for co-developed releases. */
  org: Slug.optional(),
  date: PartialDateSchema,
  /** What `date` stands for (DATE_KINDS); imported releases always say, curated ones may. */
  date_kind: z.enum(DATE_KINDS).optional(),
  type: z.enum(RELEASE_TYPES),
  params: z
    .strictObject({
      total: ParamCount.optional(),
      /** Active parameters per token for mixture-of-experts models. */
      active: ParamCount.optional(),
    })
    .optional(),
  modalities: z.array(z.enum(MODALITIES)).min(1).default(['text']),
  base_model: Slug.optional(),
  hf_repos: z.array(HfRepoId).default([]),
  access: z.array(z.enum(ACCESS_CHANNELS)).min(1, { error: 'list at least one access channel (use [none] for unreleased models)' }),
  /** The license of the weights, when weights are released. */
  license: LicenseId.optional(),
  /** Flagships are a lab's most capable release of their period; trends follow them. */
  flagship: z.boolean().default(false),
  components: ComponentsSchema.default({}),
  /** Dated access and license changes after the release date, oldest first (see ReleaseChangeSchema). */
  history: z.array(ReleaseChangeSchema).optional(),
  /**
   * Set on an API endpoint name of another release (`-latest`, a dated `-preview`, a `-chat`
   * snapshot of one model): kept so its facts and scores resolve, but never counted as a release.
   */
  endpoint_of: Slug.optional(),
  sources: SourceIds,
});
export type Release = z.infer<typeof ReleaseSchema>;

/** A release file: one family and its releases. */
export const ReleaseFileSchema = z.strictObject({
  family: FamilySchema,
  releases: z.array(ReleaseSchema).min(1, { error: 'a family file lists at least one release' }),
});
