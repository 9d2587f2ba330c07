import { describe, expect, it } from 'vitest';
import { verdictFromConditions, within } from '../../src/claims/conditions.js';
import { explain } from '../../src/claims/explain.js';

describe('verdictFromConditions(rule, metrics)', () => {
  const rule = { supported: { a: { min: 1 }, b: { max: 0.2 } }, partly_supported: [{ a: { min: 1 } }, { b: { max: 0.5 } }] };
  it('is supported when every bound of the supported set holds', () => {
    expect(verdictFromConditions(rule, { a: 2, b: 0.1 }).verdict).toBe('supported');
  });
  it('is partly supported when any one partly set holds', () => {
    expect(verdictFromConditions(rule, { a: 0, b: 0.4 }).verdict).toBe('partly-supported');
    expect(verdictFromConditions(rule, { a: 3, b: 0.9 }).verdict).toBe('partly-supported');
  });
  it('is contradicted otherwise', () => {
    expect(verdictFromConditions(rule, { a: 0, b: 0.9 }).verdict).toBe('contradicted');
  });
  it('never lets an unknown metric satisfy a bound', () => {
    expect(within(null, { max: 10 })).toBe(false);
    expect(verdictFromConditions({ supported: { a: { max: 10 } } }, { a: null }).verdict).toBe('contradicted');
  });
});

describe('explain(template, outcome, asOf)', () => {
  it('fills placeholders, prints shares as percentages and says why', () => {
    const text = explain('{count} of {top} ({share}) from {country}.', {
      verdict: 'partly-supported', metrics: { count: 3, top: 5, share: 0.6 }, params: { country: 'CN' }, evidence: [],
      conditions: [
        { verdict: 'supported', metric: 'share', value: 0.6, min: 1, holds: false },
        { verdict: 'partly-supported', metric: 'share', value: 0.6, min: 0.5, holds: true },
      ],
    }, '2025-12-04');
    expect(text).toBe('3 of 5 (60%) from CN. As of 2025-12-04 the claim is partly supported: share is 60% (needs at least 50%); but share is 60% where supported needs at least 100%.');
  });
});
