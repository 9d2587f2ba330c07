import { describe, expect, it } from 'vitest';
import { ACCESS_TIERS, assessAccess } from '../../src/assess/access-tier.js';
import { REGISTRY, release } from './fixtures.js';
import type { ReleaseInput } from './fixtures.js';

const access = (input: ReleaseInput) => assessAccess(release(input), REGISTRY);

describe('assessAccess: Epoch labels', () => {
  it('labels downloadable weights under an open license without restrictions "Open weights (unrestricted)"', () => {
    const r = access({ access: ['open-weights'], license: 'Apache-2.0' });
    expect(r.tier).toBe('open-weights-unrestricted');
    expect(r.epochLabel).toBe('Open weights (unrestricted)');
    expect(r.openWeights).toBe(true);
  });

  it('labels weights under a custom license with an acceptable-use policy "Open weights (restricted use)"', () => {
    const r = access({ access: ['gated-weights'], license: 'LicenseRef-llama-3.1' });
    expect(r.epochLabel).toBe('Open weights (restricted use)');
    expect(r.reasons[1]).toContain('commercial use needs a separate license above 700 million monthly active users');
  });

  it('labels weights under a non-commercial license "Open weights (non-commercial)"', () => {
    expect(access({ access: ['open-weights'], license: 'LicenseRef-cohere-nc' }).epochLabel).toBe('Open weights (non-commercial)');
    expect(access({ access: ['open-weights'], license: 'CC-BY-NC-4.0' }).epochLabel).toBe('Open weights (non-commercial)');
  });

  it('labels weights under proprietary terms as restricted use', () => {
    expect(access({ access: ['open-weights'], license: 'LicenseRef-openai-terms' }).tier).toBe('open-weights-restricted');
  });

  it('does not guess the terms of weights without a license', () => {
    const r = access({ access: ['open-weights'] });
    expect(r.tier).toBe('open-weights-unknown-terms');
    expect(r.epochLabel).toBeNull();
    expect(r.summary).toBe('Open weights (terms unknown)');
  });

  it('does not guess the terms of weights under an unresolved license', () => {
    expect(access({ access: ['open-weights'], license: 'LicenseRef-unregistered' }).tier).toBe('open-weights-unknown-terms');
  });

  it('rates gated weights by their license, not by the gate, and says they are gated', () => {
    const r = access({ access: ['gated-weights'], license: 'Apache-2.0' });
    expect(r.tier).toBe('open-weights-unrestricted');
    expect(r.gated).toBe(true);
    expect(r.reasons[0]).toContain('gated');
  });

  it('labels an API-only model "API access"', () => {
    expect(access({ access: ['api', 'hosted-app'] }).epochLabel).toBe('API access');
  });

  it('labels a model reachable only in an app "Hosted access (no API)"', () => {
    expect(access({ access: ['hosted-app'] }).epochLabel).toBe('Hosted access (no API)');
  });

  it('labels a model with no access channel "Unreleased"', () => {
    expect(access({ access: ['none'] }).epochLabel).toBe('Unreleased');
  });

  it('lets the most open channel decide', () => {
    expect(access({ access: ['api', 'open-weights'], license: 'MIT' }).tier).toBe('open-weights-unrestricted');
  });

  it('orders tiers from least to most open', () => {
    expect(ACCESS_TIERS[0]).toBe('unreleased');
    expect(ACCESS_TIERS.at(-1)).toBe('open-weights-unrestricted');
  });
});
