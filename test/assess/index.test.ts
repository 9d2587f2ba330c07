import { describe, expect, it } from 'vitest';
import { RUBRIC_VERSIONS, assessRelease } from '../../src/assess/index.js';
import { VERSION as MOF_VERSION } from '../../src/assess/mof.js';
import { ALL_OPEN, LLAMA_3_1_8B, REGISTRY, release } from './fixtures.js';

describe('assessRelease', () => {
  it('records a version for every rubric', () => {
    expect(Object.keys(RUBRIC_VERSIONS).sort()).toEqual(['access', 'license', 'mof', 'osai', 'osaid', 'profile']);
    expect(RUBRIC_VERSIONS.mof).toBe(MOF_VERSION);
    for (const v of Object.values(RUBRIC_VERSIONS)) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('returns every rubric, each with reasons and a summary', () => {
    const a = assessRelease(LLAMA_3_1_8B, { licenses: REGISTRY });
    expect(Object.keys(a)).toEqual(['license', 'mof', 'osai', 'osaid', 'access', 'profile']);
    for (const part of Object.values(a)) {
      expect(typeof part.summary).toBe('string');
      expect(Array.isArray(part.reasons)).toBe(true);
    }
  });

  it('reads an instruct release\'s base model from the context when it is there', () => {
    const base = release({ id: 'base-7b', components: ALL_OPEN, license: 'Apache-2.0' });
    const tuned = release({ id: 'tuned-7b', type: 'instruct', base_model: 'base-7b', components: ALL_OPEN, license: 'Apache-2.0' });
    const grade = (releases?: Map<string, typeof base>) =>
      assessRelease(tuned, { licenses: REGISTRY, ...(releases ? { releases } : {}) }).osai.params.find((p) => p.param === 'weights_basemodel')?.grade;
    expect(grade(new Map([[base.id, base]]))).toBe('open');
    expect(grade()).toBe('unknown');
  });

  it('shows the index\'s own observation for the release beside ours', () => {
    const r = release({ id: 'olmo-x', components: ALL_OPEN, license: 'Apache-2.0' });
    const theirs = { grades: { paper: 'partial' as const } };
    const a = assessRelease(r, { licenses: REGISTRY, eosai: new Map([['olmo-x', theirs]]) });
    expect(a.osai.theirs).toEqual(theirs);
    expect(assessRelease(r, { licenses: REGISTRY }).osai.theirs).toBeNull();
  });

  it('analyses the release license once and shares it with the access tier', () => {
    const a = assessRelease(LLAMA_3_1_8B, { licenses: REGISTRY });
    expect(a.license.category).toBe('custom-restrictive');
    expect(a.access.tier).toBe('open-weights-restricted');
    expect(a.profile.licenseFreedom.category).toBe('custom-restrictive');
  });
});
