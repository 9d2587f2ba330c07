import { LicenseTermsSchema } from '../../src/domain/license.js';
import { termsAsLines } from '../../src/assess/license-terms.js';
import { describe, expect, it } from 'vitest';
import { addMonths, monthsBetween, resolveAsOf } from '../../src/analytics/as-of.js';
import { lagTrend, monthEnds, type GapRecord } from '../../src/analytics/gap.js';
import { licenseRank } from '../../src/analytics/signals.js';
import { restrictionsInPlainWords } from '../../src/analytics/restrictions.js';
import { timelineDates } from '../../src/claims/timeline.js';

describe('resolveAsOf(text)', () => {
  it('reads a year or a month as its last day, and today as the clock date', () => {
    expect(resolveAsOf('2025')).toBe('2025-12-31');
    expect(resolveAsOf('2024-02')).toBe('2024-02-29');
    expect(resolveAsOf('2025-12-04')).toBe('2025-12-04');
    expect(resolveAsOf('today', new Date('2026-11-29T12:00:00Z'))).toBe('2026-11-29');
  });
  it('names an impossible date', () => {
    expect(resolveAsOf('2025-02-30')).toEqual({ error: '2025-02-30 is not a real date: February 2025 has 28 days; or use "today"' });
  });
});

describe('monthsBetween(from, to) and addMonths(day, n)', () => {
  it('counts whole months', () => {
    expect(monthsBetween('2025-06-30', '2026-11-29')).toBe(16);
    expect(monthsBetween('2025-01-31', '2025-02-28')).toBe(0);
    expect(monthsBetween('2025-01-15', '2025-01-15')).toBe(0);
  });
  it('clamps to the last day of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-12-04', -36)).toBe('2022-12-04');
  });
});

describe('monthEnds(first, asOf)', () => {
  it('gives month-ends and ends on the as-of day', () => {
    expect(monthEnds('2025-01-15', '2025-03-10')).toEqual(['2025-01-31', '2025-02-28', '2025-03-10']);
  });
});

describe('lagTrend(records)', () => {
  const rec = (date: string, lag: number | null): GapRecord => ({ date, closed_release: 'c', score: 1, reached_on: lag === null ? null : date, open_release: null, lag_months: lag, waiting_months: lag === null ? 1 : null });
  it('is unknown with fewer than three reached records', () => {
    expect(lagTrend([rec('2024-01-31', 6), rec('2025-01-31', 3), rec('2025-06-30', null)]).direction).toBe('unknown');
  });
  it('is shrinking when the lag falls by more than a month per year', () => {
    const t = lagTrend([rec('2023-01-31', 12), rec('2024-01-31', 8), rec('2025-01-31', 4)]);
    expect(t).toMatchObject({ direction: 'shrinking', reached_records: 3, mean_lag_months: 8 });
    expect(t.slope_months_per_year).toBeCloseTo(-4, 1);
  });
});

describe('licenseRank(category)', () => {
  it('orders open source < custom terms < non-commercial < proprietary, and knows no rank for unknown', () => {
    expect(['open-source', 'custom-restrictive', 'non-commercial', 'proprietary'].map(licenseRank)).toEqual([0, 1, 2, 3]);
    expect(licenseRank(null)).toBeNull();
  });
});

describe('restrictionsInPlainWords(terms, opts)', () => {
  const llamaLike = LicenseTermsSchema.parse({
    commercial_use: 'conditional', user_threshold: 700000000, acceptable_use_policy: true, attribution_required: true,
    territorial_exclusions: ['EU'], naming_requirement: 'Built with Llama', output_training_limit: false, share_alike: false, revocable: 'unknown',
  });
  it('says how the weights are obtained, then the terms in the words every surface uses', () => {
    expect(restrictionsInPlainWords(llamaLike, { license: 'LicenseRef-llama', gated: true })).toEqual([
      'weights download only after accepting terms or an approval on the Hub',
      ...termsAsLines(llamaLike),
    ]);
    expect(termsAsLines(llamaLike)).toEqual([
      'commercial use needs a separate license above 700 million monthly active users',
      'an acceptable-use policy applies',
      'users in the EU get no rights',
      'attribution is required',
      'naming duty: Built with Llama',
      'unknown: whether the grant can be revoked',
    ]);
  });
  it('says when terms are not registered or no license is stated, never guessing', () => {
    expect(restrictionsInPlainWords(null, { license: 'LicenseRef-x', gated: false })).toEqual(['the terms of LicenseRef-x are not registered, so its restrictions are unknown']);
    expect(restrictionsInPlainWords(null, { license: null, gated: false })).toEqual(['no license is stated for the weights']);
  });
});

describe('timelineDates(from, to, said)', () => {
  it('steps a month-end every three months and includes the day the claim was made', () => {
    expect(timelineDates('2025-01-01', '2025-12-31', '2025-12-04')).toEqual(['2025-01-31', '2025-04-30', '2025-07-31', '2025-10-31', '2025-12-04', '2025-12-31']);
  });
});
