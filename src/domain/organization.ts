import { z } from 'zod';
import { Slug, SourceIds, Url } from './ids.js';

export const ORG_KINDS = ['company', 'academic', 'non-profit', 'government', 'community', 'collaboration'] as const;

const CountryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 country code such as "US"' });

/** A lab, company, university or collective that releases models. */
export const OrganizationSchema = z.strictObject({
  id: Slug,
  name: z.string().min(1),
  kind: z.enum(ORG_KINDS),
  /** Primary country (headquarters), ISO 3166-1 alpha-2. */
  country: CountryCode,
  /** Further countries for multinationals and cross-border collaborations. */
  other_countries: z.array(CountryCode).default([]),
  /**
   * The organization this one belongs to (Google DeepMind's is google, Google's is alphabet).
   * By-lab analyses can roll an organization up to the top of its parent chain, its group.
   */
  parent: Slug.optional(),
  /** The source saying who the parent is; required with `parent`. */
  parent_source: Slug.optional(),
  url: Url.optional(),
  hf_namespaces: z.array(z.string().min(1)).default([]),
  aliases: z.array(z.string().min(1)).default([]),
  sources: SourceIds,
});
export type Organization = z.infer<typeof OrganizationSchema>;
