import { describe, expect, it } from 'vitest';
import { assessRelease } from '../../src/assess/index.js';
import type { Assessment } from '../../src/assess/index.js';
import type { Release } from '../../src/domain/index.js';
import { AMBER_7B, GEMMA_7B, GPT_4O, LLAMA_3_1_8B, MISTRAL_7B, OLMO_2_7B, PYTHIA_6_9B, REGISTRY } from './fixtures.js';

const assess = (r: Release): Assessment => assessRelease(r, { licenses: REGISTRY });

describe('fully open releases (OLMo 2, Pythia, Amber)', () => {
  it.each([
    ['OLMo 2 7B', OLMO_2_7B],
    ['Pythia 6.9B', PYTHIA_6_9B],
    ['Amber 7B', AMBER_7B],
  ])('%s reaches MOF Class I, passes OSAID and has unrestricted open weights', (_, r) => {
    const a = assess(r);
    expect(a.mof.class).toBe(1);
    expect(a.osaid.verdict).toBe('pass');
    expect(a.access.epochLabel).toBe('Open weights (unrestricted)');
    expect(a.license.restrictions).toEqual([]);
  });

  it('OLMo 2 7B grades open on every OSAI parameter', () => {
    expect(assess(OLMO_2_7B).osai.score).toBe(1);
  });

  it('Pythia reaches Class III with its research paper standing in for a technical report', () => {
    const a = assess(PYTHIA_6_9B);
    expect(a.mof.components.find((c) => c.id === 'technical-report')?.status).toBe('unknown');
    expect(a.mof.classes[0]?.reached).toBe(true);
  });

  it('Pythia notes its MIT-licensed Pile is open but not a type-appropriate data license', () => {
    expect(assess(PYTHIA_6_9B).mof.notes[0]).toContain('datasets (MIT, data)');
  });
});

describe('releases blocked by custom licenses (Llama, Gemma)', () => {
  it('Llama 3.1 8B reaches no MOF class because its weights are under the Llama license', () => {
    const a = assess(LLAMA_3_1_8B);
    expect(a.mof.class).toBeNull();
    expect(a.mof.classes[0]?.blockers).toContain('model parameters (final) under LicenseRef-llama-3.1 (custom restrictive), not an open license');
  });

  it('Llama 3.1 8B is open weights with restricted use, and says why in plain words', () => {
    const a = assess(LLAMA_3_1_8B);
    expect(a.access.epochLabel).toBe('Open weights (restricted use)');
    expect(a.access.gated).toBe(true);
    expect(a.license.restrictions).toContain('commercial use needs a separate license above 700 million monthly active users');
    expect(a.license.restrictions).toContain('an acceptable-use policy applies');
  });

  it('Llama 3.1 8B fails OSAID on parameters, code and data information', () => {
    const a = assess(LLAMA_3_1_8B);
    expect(a.osaid.verdict).toBe('fail');
    expect(a.osaid.elements.find((e) => e.element === 'parameters')?.missing).toEqual([
      'model parameters (final) gated (access needs permission), and LicenseRef-llama-3.1 is not open terms',
    ]);
    expect(a.osaid.missing).toContain('training code closed');
  });

  it('Llama 3.1 8B grades the OSAI licenses parameter closed and its weights partial', () => {
    const grades = Object.fromEntries(assess(LLAMA_3_1_8B).osai.params.map((p) => [p.param, p.grade]));
    expect(grades.licenses).toBe('closed');
    expect(grades.weights_endmodel).toBe('partial');
  });

  it('Gemma 7B reaches no MOF class because its weights are under the Gemma terms', () => {
    const a = assess(GEMMA_7B);
    expect(a.mof.class).toBeNull();
    expect(a.mof.classes[0]?.blockers.join('; ')).toContain('LicenseRef-gemma');
  });

  it('Gemma 7B is open weights with restricted use: its terms carry a use policy and can be revoked', () => {
    const a = assess(GEMMA_7B);
    expect(a.access.epochLabel).toBe('Open weights (restricted use)');
    expect(a.license.restrictions).toEqual(['an acceptable-use policy applies', 'the licensor may terminate or change the grant at will']);
  });

  it('Gemma 7B still counts its Apache-2.0 inference code and architecture for the MOF', () => {
    const a = assess(GEMMA_7B);
    expect(a.mof.components.find((c) => c.id === 'inference-code')?.satisfied).toBe(true);
    expect(a.mof.components.find((c) => c.id === 'model-architecture')?.satisfied).toBe(true);
  });
});

describe('Mistral 7B: Apache-2.0 weights without open data', () => {
  it('has unrestricted open weights', () => {
    expect(assess(MISTRAL_7B).access.epochLabel).toBe('Open weights (unrestricted)');
  });

  it('misses MOF Class III only for want of a data card', () => {
    const a = assess(MISTRAL_7B);
    expect(a.mof.class).toBeNull();
    expect(a.mof.classes[0]?.blockers).toEqual(['data card closed']);
    expect(a.mof.classes[0]?.completeness).toBe(83.3);
  });

  it('fails OSAID for its data information and training code, not its parameters', () => {
    const a = assess(MISTRAL_7B);
    expect(a.osaid.elements.map((e) => e.verdict)).toEqual(['fail', 'fail', 'pass']);
    expect(a.osaid.elements[0]?.missing).toEqual(['no open datasets or data card: datasets closed; data card closed']);
  });

  it('grades OSAI data closed and weights and licenses open', () => {
    const grades = Object.fromEntries(assess(MISTRAL_7B).osai.params.map((p) => [p.param, p.grade]));
    expect(grades).toMatchObject({ datasources_endmodel: 'closed', weights_endmodel: 'open', licenses: 'open', trainingcode: 'partial' });
  });
});

describe('an API-only model (GPT-4o)', () => {
  it('has API access, closed weights and no license to analyse', () => {
    const a = assess(GPT_4O);
    expect(a.access.epochLabel).toBe('API access');
    expect(a.access.openWeights).toBe(false);
    expect(a.license.category).toBe('none');
    expect(a.mof.components.find((c) => c.id === 'model-parameters-final')?.reason).toBe('model parameters (final) closed');
  });

  it('reaches no MOF class, fails OSAID and scores low on the OSAI index', () => {
    const a = assess(GPT_4O);
    expect(a.mof.class).toBeNull();
    expect(a.osaid.verdict).toBe('fail');
    expect(a.osai.score).toBeLessThan(0.25);
    expect(a.profile.weights.value).toBe(0);
  });
});

describe('rankings across releases', () => {
  it('orders the documented releases by OSAI score from fully open to API-only', () => {
    const score = (r: Release) => assess(r).osai.score;
    expect(score(OLMO_2_7B)).toBeGreaterThan(score(MISTRAL_7B));
    expect(score(MISTRAL_7B)).toBeGreaterThan(score(GPT_4O));
    expect(score(LLAMA_3_1_8B)).toBeGreaterThan(score(GPT_4O));
  });
});
