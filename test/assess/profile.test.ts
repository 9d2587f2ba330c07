import { describe, expect, it } from 'vitest';
import { assessRelease } from '../../src/assess/index.js';
import { ALL_OPEN, REGISTRY, allOpenExcept, release } from './fixtures.js';

const profile = (r: Parameters<typeof assessRelease>[0]) => assessRelease(r, { licenses: REGISTRY }).profile;

describe('buildProfile', () => {
  it('scores a fully open release 1 on every axis', () => {
    const p = profile(release({ components: ALL_OPEN, license: 'Apache-2.0' }));
    expect([p.weights.value, p.code.value, p.data.value, p.documentation.value, p.licenseFreedom.value]).toEqual([1, 1, 1, 1, 1]);
    expect(p.mofClass).toBe(1);
    expect(p.osaid).toBe('pass');
    expect(p.summary).toBe('weights 1.00, code 1.00, data 1.00, documentation 1.00, license 1.00');
  });

  it('reads the code share off the MOF components', () => {
    const p = profile(release({ license: 'Apache-2.0', components: allOpenExcept({ 'training-code': { status: 'closed' }, 'evaluation-code': { status: 'closed' } }) }));
    expect(p.code.value).toBe(0.6);
    expect(p.code.basis).toBe('3 of 5 code components openly licensed (MOF)');
  });

  it('counts documents by availability, not license, so an API model\'s published card counts', () => {
    const p = profile(release({ access: ['api'], components: { 'model-card': { status: 'open' }, 'technical-report': { status: 'open' }, 'data-card': { status: 'closed' } } }));
    expect(p.documentation.value).toBe(0.5);
    expect(p.documentation.basis).toBe('preprint open, paper unknown, model card open, datasheet closed (OSAI)');
  });

  it('leaves an axis null when every component on it is unknown', () => {
    const p = profile(release({ license: 'Apache-2.0', components: { 'model-parameters-final': { status: 'open' } } }));
    expect(p.code.value).toBeNull();
    expect(p.data.value).toBeNull();
    expect(p.weights.value).toBe(1);
  });

  it('grades license freedom from the weights license category', () => {
    const freedom = (license?: string) => profile(release({ ...(license ? { license } : {}) })).licenseFreedom.value;
    expect(freedom('MIT')).toBe(1);
    expect(freedom('LicenseRef-llama-3.1')).toBe(0.5);
    expect(freedom('CC-BY-NC-4.0')).toBe(0.25);
    expect(freedom('LicenseRef-openai-terms')).toBe(0);
    expect(freedom(undefined)).toBeNull();
  });

  it('takes the weights axis from the OSAI weights grade and its category from the access tier', () => {
    const p = profile(release({ access: ['gated-weights'], license: 'LicenseRef-gemma' }));
    expect(p.weights.value).toBe(0.5);
    expect(p.weights.category).toBe('open-weights-restricted');
  });
});
