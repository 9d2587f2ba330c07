import { z } from 'zod';
import { inRange, rangeCheck } from './ranges.js';
import { SourceIds, Url } from './ids.js';

/**
 * A license reference on a fact: an SPDX id ("Apache-2.0"), a registered `LicenseRef-` id for
 * AI-specific licenses ("LicenseRef-llama-3.1"), or an SPDX expression of them
 * ("MIT OR Apache-2.0"). Whether each id exists is checked across the whole fact base.
 */
export const LicenseId = z.string().min(1, { error: 'expected a license id such as "Apache-2.0" or "LicenseRef-llama-3.1"' });

export const REGISTRY_ID_PATTERN = /^(LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.+-]*)$/;

/** A term whose value no source states stays `unknown` rather than being guessed. */
const orUnknown = <T extends z.ZodType>(t: T) => z.union([t, z.literal('unknown')]);

export const COMMERCIAL_USE = ['allowed', 'conditional', 'forbidden'] as const;

/** Structured terms of a license, the part analytics and the chooser reason over. */
export const LicenseTermsSchema = z.strictObject({
  commercial_use: orUnknown(z.enum(COMMERCIAL_USE)),
  /** Monthly active users above which a separate license is needed (Llama: 700,000,000). */
  user_threshold: orUnknown(z.number().positive().refine(inRange('threshold'), rangeCheck('threshold', 'user threshold')).nullable()).default(null),
  /** Annual revenue in USD above which a separate license is needed. */
  revenue_threshold_usd: orUnknown(z.number().positive().refine(inRange('threshold'), rangeCheck('threshold', 'revenue threshold')).nullable()).default(null),
  acceptable_use_policy: orUnknown(z.boolean()),
  /** Uses the license forbids outright (e.g. "military", "medical advice"). */
  field_of_use_limits: z.array(z.string().min(1)).default([]),
  attribution_required: orUnknown(z.boolean()),
  /** Required naming or display text, e.g. "Built with Llama". */
  naming_requirement: z.string().min(1).nullable().default(null),
  /** ISO country codes or regions where the license grants no rights (e.g. EU for multimodal Llama 3.2). */
  territorial_exclusions: z.array(z.string().min(2)).default([]),
  /** Forbids using outputs to train or improve other models. */
  output_training_limit: orUnknown(z.boolean()),
  share_alike: orUnknown(z.boolean()),
  /** The licensor may terminate or change the grant at will. */
  revocable: orUnknown(z.boolean()),
});
export type LicenseTerms = z.infer<typeof LicenseTermsSchema>;

export const LICENSE_CATEGORIES = [
  'open-source',
  'open-data',
  'open-documentation',
  'custom-restrictive',
  'non-commercial',
  'proprietary',
] as const;

/** A license in the registry: SPDX licenses used often, and every AI-specific license. */
export const LicenseSchema = z.strictObject({
  id: z.string().regex(REGISTRY_ID_PATTERN, { error: 'expected an SPDX id or a "LicenseRef-..." id' }),
  name: z.string().min(1),
  url: Url,
  /** Approved by the Open Source Initiative. */
  osi_approved: z.boolean(),
  category: z.enum(LICENSE_CATEGORIES),
  /** The value of the `license:` tag on the Hugging Face Hub, when it has one. */
  hf_tag: z.string().min(1).optional(),
  /** Earlier or later versions this license supersedes or is superseded by. */
  supersedes: z.string().min(1).optional(),
  terms: LicenseTermsSchema,
  sources: SourceIds,
});
export type License = z.infer<typeof LicenseSchema>;
