import { describe, expect, it } from 'vitest';
import { assessMof } from '../../src/assess/mof.js';
import type { MofResult } from '../../src/assess/mof.js';
import type { ComponentId } from '../../src/domain/index.js';
import { ALL_OPEN, REGISTRY, allOpenExcept, release } from './fixtures.js';
import type { Components } from './fixtures.js';

const mof = (components: Components, extra: Parameters<typeof release>[0] = {}) => assessMof(release({ components, ...extra }), REGISTRY);
const component = (r: MofResult, id: ComponentId) => r.components.find((c) => c.id === id);
const cls = (r: MofResult, n: 1 | 2 | 3) => r.classes.find((c) => c.class === n);

describe('assessMof: class boundaries', () => {
  it('reaches Class I when every required component is openly licensed', () => {
    const r = mof(ALL_OPEN);
    expect(r.class).toBe(1);
    expect(r.classes.map((c) => c.completeness)).toEqual([100, 100, 100]);
    expect(r.summary).toBe('MOF Class I (open science)');
  });

  it('counts 6, 10 and 14 required components for Classes III, II and I', () => {
    expect(mof(ALL_OPEN).classes.map((c) => c.required)).toEqual([6, 10, 14]);
  });

  it('stops at Class II when a Class I component is missing', () => {
    const r = mof(allOpenExcept({ 'model-parameters-intermediate': { status: 'closed' } }));
    expect(r.class).toBe(2);
    expect(cls(r, 1)?.blockers).toEqual(['model parameters (intermediate) closed']);
    expect(cls(r, 1)?.completeness).toBe(92.9);
    expect(r.summary).toBe('MOF Class II (open tooling); Class I 92.9% complete');
  });

  it('stops at Class III when a Class II component is missing, and says which', () => {
    const { 'evaluation-data': _, ...rest } = allOpenExcept({ 'training-code': { status: 'closed' } });
    const r = mof(rest);
    expect(r.class).toBe(3);
    expect(r.reasons).toContain('not Class II: training code closed; evaluation data unknown');
    expect(cls(r, 2)?.completeness).toBe(80);
  });

  it('reaches no class when a Class III component is missing, even if everything else is open', () => {
    const r = mof(allOpenExcept({ 'model-card': { status: 'closed' } }));
    expect(r.class).toBeNull();
    expect(r.label).toBe('unclassified');
    expect(cls(r, 3)?.completeness).toBe(83.3);
    expect(cls(r, 3)?.blockers).toEqual(['model card closed']);
    expect(r.summary).toBe('no MOF class; Class III 83.3% complete');
  });

  it('lists the blockers of lower classes under every higher class too', () => {
    const r = mof(allOpenExcept({ 'model-card': { status: 'closed' }, datasets: { status: 'closed' } }));
    expect(cls(r, 2)?.blockers).toEqual(['model card closed']);
    expect(cls(r, 1)?.blockers).toEqual(['model card closed', 'datasets closed']);
  });

  it('reports the MOT progress as 0 for a class whose lower class is unmet', () => {
    const r = mof(allOpenExcept({ 'model-card': { status: 'closed' } }));
    expect(cls(r, 2)?.completeness).toBe(90);
    expect(cls(r, 2)?.progress).toBe(0);
    expect(cls(r, 1)?.progress).toBe(0);
    expect(cls(r, 3)?.progress).toBe(83.3);
  });

  it('never lets optional components block a class', () => {
    const r = mof(
      allOpenExcept({
        'supporting-libraries': { status: 'closed' },
        'model-metadata': { status: 'closed' },
        'sample-outputs': { status: 'closed' },
      }),
    );
    expect(r.class).toBe(1);
  });
});

describe('assessMof: technical report and research paper', () => {
  it('accepts an open research paper in place of a closed technical report for Class III', () => {
    const r = mof(allOpenExcept({ 'technical-report': { status: 'closed' } }));
    expect(r.class).toBe(1);
  });

  it('blocks Class III when neither the technical report nor a research paper is open', () => {
    const r = mof(allOpenExcept({ 'technical-report': { status: 'closed' }, 'research-paper': { status: 'closed' } }));
    expect(r.class).toBeNull();
    expect(cls(r, 3)?.blockers).toEqual(['technical report closed (and no open research paper instead)']);
  });

  it('requires the research paper for Class I even when the technical report is open', () => {
    const r = mof(allOpenExcept({ 'research-paper': { status: 'unknown' } }));
    expect(r.class).toBe(2);
    expect(cls(r, 1)?.blockers).toEqual(['research paper unknown']);
  });
});

describe('assessMof: license rules by content type', () => {
  it('counts code under an OSI-approved license as type-appropriate', () => {
    const c = component(mof(ALL_OPEN), 'training-code');
    expect(c?.outcome).toBe('open');
    expect(c?.satisfied).toBe(true);
  });

  it('counts data under a listed open data license (CDLA-Permissive) as type-appropriate', () => {
    expect(component(mof(ALL_OPEN), 'datasets')?.outcome).toBe('open');
  });

  it('counts documents under CC-BY-4.0 as type-appropriate', () => {
    expect(component(mof(ALL_OPEN), 'model-card')?.outcome).toBe('open');
  });

  it('counts weights under Apache-2.0 as open but notes it is not the type-appropriate data license', () => {
    const r = mof(allOpenExcept({ 'model-parameters-final': { status: 'open', license: 'Apache-2.0' } }));
    expect(component(r, 'model-parameters-final')?.outcome).toBe('open-not-type-appropriate');
    expect(r.class).toBe(1);
    expect(r.notes[0]).toContain('model parameters (final) (Apache-2.0, data)');
  });

  it('counts code under CC-BY-4.0 as open but not type-appropriate', () => {
    const r = mof(allOpenExcept({ 'inference-code': { status: 'open', license: 'CC-BY-4.0' } }));
    expect(component(r, 'inference-code')?.outcome).toBe('open-not-type-appropriate');
  });

  it('blocks a component under a custom license and names the license', () => {
    const r = mof(allOpenExcept({ 'model-parameters-final': { status: 'open', license: 'LicenseRef-llama-3.1' } }));
    expect(r.class).toBeNull();
    expect(cls(r, 3)?.blockers).toEqual(['model parameters (final) under LicenseRef-llama-3.1 (custom restrictive), not an open license']);
  });

  it('blocks data under a non-commercial license', () => {
    const r = mof(allOpenExcept({ datasets: { status: 'open', license: 'CC-BY-NC-4.0' } }));
    expect(r.class).toBe(2);
    expect(component(r, 'datasets')?.outcome).toBe('not-open-license');
  });

  it('accepts an OR expression when one option is open', () => {
    const r = mof(allOpenExcept({ 'training-code': { status: 'open', license: 'LicenseRef-llama-3.1 OR MIT' } }));
    expect(component(r, 'training-code')?.satisfied).toBe(true);
  });

  it('rejects an AND expression when one part is not open', () => {
    const r = mof(allOpenExcept({ 'training-code': { status: 'open', license: 'MIT AND LicenseRef-llama-3.1' } }));
    expect(component(r, 'training-code')?.satisfied).toBe(false);
  });

  it('rejects a license it cannot resolve', () => {
    const r = mof(allOpenExcept({ 'training-code': { status: 'open', license: 'LicenseRef-unregistered' } }));
    expect(component(r, 'training-code')?.reason).toBe('training code under LicenseRef-unregistered (unknown), not an open license');
  });

  it('accepts a MOF-listed license that is not OSI-approved (OpenMDW) for any type', () => {
    const r = mof(allOpenExcept({ 'training-code': { status: 'open', license: 'OpenMDW-1.0' }, datasets: { status: 'open', license: 'OpenMDW-1.0' } }));
    expect(component(r, 'training-code')?.outcome).toBe('open');
    expect(component(r, 'datasets')?.outcome).toBe('open');
  });

  it('covers a component without its own license by the release license, as the MOT does', () => {
    const r = mof(allOpenExcept({ 'model-card': { status: 'open' } }), { license: 'Apache-2.0' });
    const c = component(r, 'model-card');
    expect(c?.license).toBe('Apache-2.0');
    expect(c?.licenseFrom).toBe('release');
    expect(c?.satisfied).toBe(true);
    expect(r.notes.some((n) => n.startsWith('covered by the release license Apache-2.0'))).toBe(true);
  });

  it('does not count a component released without any license', () => {
    const r = mof(allOpenExcept({ 'model-card': { status: 'open' } }));
    expect(component(r, 'model-card')?.outcome).toBe('unlicensed');
    expect(component(r, 'model-card')?.reason).toBe('model card released without a license');
  });
});

describe('assessMof: unknown, closed, gated and other statuses', () => {
  it('reports a component nobody documents as unknown, not closed', () => {
    const { datasets: _, ...rest } = ALL_OPEN;
    const c = component(mof(rest), 'datasets');
    expect(c?.status).toBe('unknown');
    expect(c?.outcome).toBe('unknown');
    expect(c?.reason).toBe('datasets unknown');
  });

  it('reports a component known not to be released as closed', () => {
    expect(component(mof(allOpenExcept({ datasets: { status: 'closed' } })), 'datasets')?.reason).toBe('datasets closed');
  });

  it('never counts an unknown component towards a class', () => {
    const { 'model-card': _, ...rest } = ALL_OPEN;
    expect(mof(rest).class).toBeNull();
  });

  it('counts a gated component with an open license, noting that MOF rates licenses, not access', () => {
    const r = mof(allOpenExcept({ 'model-parameters-final': { status: 'gated', license: 'CDLA-Permissive-2.0' } }));
    expect(r.class).toBe(1);
    expect(r.notes).toContain('gated, which the MOF does not rate (it rates licenses): model parameters (final)');
  });

  it('does not count a gated component under a custom license', () => {
    const r = mof(allOpenExcept({ 'model-parameters-final': { status: 'gated', license: 'LicenseRef-gemma' } }));
    expect(component(r, 'model-parameters-final')?.satisfied).toBe(false);
  });

  it('does not count a restricted component even under an open license', () => {
    const r = mof(allOpenExcept({ 'model-card': { status: 'restricted', license: 'CC-BY-4.0' } }));
    expect(component(r, 'model-card')?.outcome).toBe('restricted');
    expect(r.class).toBeNull();
  });

  it('does not count a component that is only documented', () => {
    const c = component(mof(allOpenExcept({ datasets: { status: 'documented-only' } })), 'datasets');
    expect(c?.reason).toBe('datasets not released (documented only)');
  });

  it('infers open final weights from the open-weights channel when no fact is recorded', () => {
    const { 'model-parameters-final': _, ...rest } = ALL_OPEN;
    const r = assessMof(release({ components: rest, access: ['open-weights'], license: 'Apache-2.0' }), REGISTRY);
    expect(component(r, 'model-parameters-final')?.status).toBe('open');
    expect(r.notes.some((n) => n.includes('inferred open'))).toBe(true);
    expect(r.class).toBe(1);
  });

  it('infers closed final weights for a release reachable only through an API', () => {
    const { 'model-parameters-final': _, ...rest } = ALL_OPEN;
    const r = assessMof(release({ components: rest, access: ['api'] }), REGISTRY);
    expect(component(r, 'model-parameters-final')?.reason).toBe('model parameters (final) closed');
  });
});
