import { z } from 'zod';

/**
 * Record ids are lowercase slugs so they read well in URLs, file names and diffs
 * (`llama-3.1-405b-instruct`). Dots are allowed because version numbers are part of model names.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export const Slug = z
  .string()
  .regex(SLUG_PATTERN, { error: 'expected a lowercase id of letters, digits, ".", "-" or "_" (e.g. "llama-3.1-8b")' });

/** Hugging Face repo ids keep their case: `meta-llama/Llama-3.1-8B`. */
export const HF_REPO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const HfRepoId = z.string().regex(HF_REPO_PATTERN, { error: 'expected a Hugging Face repo id "owner/name"' });

export const Url = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

/** A list of at least one source id: every fact-bearing record cites where it comes from. */
export const SourceIds = z
  .array(Slug, { error: 'expected a list of source ids' })
  .min(1, { error: 'cite at least one source id' });
