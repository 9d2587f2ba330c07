import { describe, expect, it } from 'vitest';
import {
  LicenseSchema,
  OrganizationSchema,
  ReleaseSchema,
  SourceSchema,
  EventSchema,
  ClaimSchema,
  CapabilityObservationSchema,
  AdoptionObservationSchema,
  parsePartialDate,
  parseParamCount,
  formatParamCount,
  isCountryCode,
  COMPONENTS,
} from '../../src/domain/index.js';

const release = {
  id: 'mistral-7b-v0.1',
  name: 'Mistral 7B v0.1',
  date: '2023-09-27',
  type: 'base',
  access: ['open-weights'],
  sources: ['mistral-7b-announcement'],
};

describe('parsePartialDate', () => {
  it('keeps the precision that was written', () => {
    expect(parsePartialDate('2024-07-23')).toEqual({ value: '2024-07-23', precision: 'day', start: '2024-07-23' });
    expect(parsePartialDate('2024-07')).toEqual({ value: '2024-07', precision: 'month', start: '2024-07-01' });
    expect(parsePartialDate('2024')).toEqual({ value: '2024', precision: 'year', start: '2024-01-01' });
  });
  it('rejects days that do not exist, including February 29 outside leap years', () => {
    expect(parsePartialDate('2025-02-30')).toBe('2025-02-30 is not a real date: February 2025 has 28 days');
    expect(parsePartialDate('2023-02-29')).toMatch(/not a real date/);
    expect(parsePartialDate('2024-02-29')).toMatchObject({ precision: 'day' });
    expect(parsePartialDate('2024-13')).toMatch(/month 13 does not exist/);
    expect(parsePartialDate('July 2024')).toMatch(/expected a date/);
  });
});

describe('parseParamCount', () => {
  it('reads the way people write parameter counts', () => {
    expect(parseParamCount('7B')).toBe(7e9);
    expect(parseParamCount('7.3B')).toBe(7.3e9);
    expect(parseParamCount('1.5T')).toBe(1.5e12);
    expect(parseParamCount('560M')).toBe(560e6);
    expect(parseParamCount(405e9)).toBe(405e9);
  });
  it('refuses words, zero and negatives', () => {
    expect(parseParamCount('lots')).toBeUndefined();
    expect(parseParamCount(0)).toBeUndefined();
    expect(parseParamCount(-7)).toBeUndefined();
  });
  it('formats counts back compactly', () => {
    expect(formatParamCount(7.3e9)).toBe('7.3B');
    expect(formatParamCount(405e9)).toBe('405B');
    expect(formatParamCount(null)).toBe('unknown');
  });
});

describe('ReleaseSchema', () => {
  it('accepts a minimal release and fills defaults', () => {
    const r = ReleaseSchema.parse(release);
    expect(r.modalities).toEqual(['text']);
    expect(r.components).toEqual({});
    expect(r.flagship).toBe(false);
  });
  it('turns "7B" into a number of parameters', () => {
    expect(ReleaseSchema.parse({ ...release, params: { total: '7B', active: '1B' } }).params).toEqual({ total: 7e9, active: 1e9 });
  });
  it('rejects unknown fields (typos are caught, not ignored)', () => {
    expect(ReleaseSchema.safeParse({ ...release, acess: ['api'] }).success).toBe(false);
  });
  it('requires at least one source', () => {
    expect(ReleaseSchema.safeParse({ ...release, sources: [] }).success).toBe(false);
    const { sources: _, ...unsourced } = release;
    expect(ReleaseSchema.safeParse(unsourced).success).toBe(false);
  });
  it('accepts any of the 17 MOF components and only those', () => {
    expect(COMPONENTS).toHaveLength(17);
    const all = Object.fromEntries(COMPONENTS.map((c) => [c.id, { status: 'unknown' }]));
    expect(ReleaseSchema.safeParse({ ...release, components: all }).success).toBe(true);
    expect(ReleaseSchema.safeParse({ ...release, components: { weights: { status: 'open' } } }).success).toBe(false);
    expect(ReleaseSchema.safeParse({ ...release, components: { datasets: { status: 'half-open' } } }).success).toBe(false);
  });
  it('reads a bare year written by YAML as a number', () => {
    expect(ReleaseSchema.parse({ ...release, date: 2019 }).date).toBe('2019');
  });
});

describe('OrganizationSchema', () => {
  const org = { id: 'mistral', name: 'Mistral AI', kind: 'company', country: 'FR', sources: ['s'] };
  it('has one primary country and optional others', () => {
    expect(OrganizationSchema.parse(org).other_countries).toEqual([]);
    expect(OrganizationSchema.safeParse({ ...org, country: 'France' }).success).toBe(false);
  });
  it('knows assigned ISO codes from unassigned ones', () => {
    expect(isCountryCode('CN')).toBe(true);
    expect(isCountryCode('UK')).toBe(false);
    expect(isCountryCode('us')).toBe(false);
  });
});

describe('LicenseSchema', () => {
  const license = {
    id: 'LicenseRef-example',
    name: 'Example',
    url: 'https://example.org/license',
    osi_approved: false,
    category: 'custom-restrictive',
    terms: { commercial_use: 'unknown', acceptable_use_policy: true, attribution_required: 'unknown', output_training_limit: false, share_alike: false, revocable: 'unknown' },
    sources: ['s'],
  };
  it('allows unknown as the value of any term nobody can source', () => {
    const parsed = LicenseSchema.parse(license);
    expect(parsed.terms.commercial_use).toBe('unknown');
    expect(parsed.terms.user_threshold).toBeNull();
  });
  it('rejects ids that are neither SPDX-like nor LicenseRef-', () => {
    expect(LicenseSchema.safeParse({ ...license, id: 'Llama 3 license' }).success).toBe(false);
  });
});

describe('other records', () => {
  it('source needs an http(s) url and a full access date', () => {
    const s = { id: 'x', url: 'https://example.org', publisher: 'X', accessed: '2026-11-29' };
    expect(SourceSchema.safeParse(s).success).toBe(true);
    expect(SourceSchema.safeParse({ ...s, url: 'ftp://example.org' }).success).toBe(false);
    expect(SourceSchema.safeParse({ ...s, accessed: '2026-11' }).success).toBe(false);
  });
  it('event links at least one organization', () => {
    const e = { id: 'e', date: '2025-06', kind: 'reorganization', title: 't', orgs: [], sources: ['s'] };
    expect(EventSchema.safeParse(e).success).toBe(false);
    expect(EventSchema.safeParse({ ...e, orgs: ['meta'] }).success).toBe(true);
  });
  it('claim carries a machine check', () => {
    const c = { id: 'c', statement: 's', speaker: 'p', said: '2025-12-04', source: 's', check: { analysis: 'best-open' } };
    expect(ClaimSchema.parse(c).check).toEqual({ analysis: 'best-open', params: {}, rule: {} });
  });
  it('observations need numbers and sources', () => {
    expect(CapabilityObservationSchema.safeParse({ release: 'r', measure: 'mmlu', value: '80', date: '2024-01-01', source: 's' }).success).toBe(false);
    expect(AdoptionObservationSchema.safeParse({ repo: 'meta-llama/Llama-3.1-8B', date: '2026-11-01', downloads_30d: -1, source: 's' }).success).toBe(false);
  });
});
