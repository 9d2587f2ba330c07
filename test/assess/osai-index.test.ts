import { describe, expect, it } from 'vitest';
import { OSAI_PARAMS, assessOsai } from '../../src/assess/osai-index.js';
import type { OsaiParam, OsaiResult } from '../../src/assess/osai-index.js';
import { ALL_OPEN, REGISTRY, allOpenExcept, release } from './fixtures.js';
import type { Components, ReleaseInput } from './fixtures.js';

const osai = (components: Components, extra: ReleaseInput = {}) => assessOsai(release({ components, license: 'Apache-2.0', ...extra }), REGISTRY);
const grade = (r: OsaiResult, p: OsaiParam) => r.params.find((x) => x.param === p)?.grade;

describe('assessOsai: parameters and score', () => {
  it('grades the index\'s 12 parameters in its order', () => {
    expect(osai(ALL_OPEN).params.map((p) => p.param)).toEqual([...OSAI_PARAMS]);
    expect(OSAI_PARAMS).toHaveLength(12);
  });

  it('scores a fully open release 1 with every parameter open', () => {
    const r = osai(ALL_OPEN);
    expect(r.params.every((p) => p.grade === 'open')).toBe(true);
    expect(r.score).toBe(1);
    expect(r.points).toBe(12);
    expect(r.summary).toBe('OSAI score 100%: 12 open, 0 partial, 0 closed');
  });

  it('scores the mean of open 1, partial 0.5 and closed 0, as the index does', () => {
    const r = osai(allOpenExcept({ 'model-card': { status: 'closed' }, 'research-paper': { status: 'gated' } }));
    expect(grade(r, 'modelcard')).toBe('closed');
    expect(grade(r, 'paper')).toBe('partial');
    expect(r.points).toBe(10.5);
    expect(r.score).toBe(0.875);
  });

  it('gives unknown no points but keeps it apart from closed, with the score it could reach', () => {
    const { 'model-card': _, ...rest } = ALL_OPEN;
    const r = osai(rest);
    expect(grade(r, 'modelcard')).toBe('unknown');
    expect(r.unknown).toEqual(['modelcard']);
    expect(r.score).toBe(0.917);
    expect(r.maxScore).toBe(1);
    expect(r.summary).toContain('1 unknown (up to 100%)');
  });

  it('grades a release without facts unknown everywhere except what its access says', () => {
    const r = assessOsai(release({ access: ['api'] }), REGISTRY);
    expect(grade(r, 'weights_endmodel')).toBe('closed');
    expect(grade(r, 'datasheet')).toBe('unknown');
    expect(grade(r, 'trainingcode')).toBe('unknown');
    expect(r.score).toBe(0);
  });
});

describe('assessOsai: availability parameters', () => {
  it('grades weights open under an open license, partial when gated, closed when not released', () => {
    expect(grade(osai(ALL_OPEN), 'weights_endmodel')).toBe('open');
    expect(grade(osai(allOpenExcept({ 'model-parameters-final': { status: 'gated', license: 'Apache-2.0' } })), 'weights_endmodel')).toBe('partial');
    expect(grade(osai(allOpenExcept({ 'model-parameters-final': { status: 'closed' } })), 'weights_endmodel')).toBe('closed');
  });

  it('grades weights under a custom license partial', () => {
    const r = osai(allOpenExcept({ 'model-parameters-final': { status: 'open', license: 'LicenseRef-llama-3.1' } }));
    expect(grade(r, 'weights_endmodel')).toBe('partial');
  });

  it('grades data documented only, or described by a data card, partial', () => {
    expect(grade(osai(allOpenExcept({ datasets: { status: 'documented-only' } })), 'datasources_endmodel')).toBe('partial');
    expect(grade(osai(allOpenExcept({ datasets: { status: 'closed' } })), 'datasources_endmodel')).toBe('partial');
    expect(grade(osai(allOpenExcept({ datasets: { status: 'closed' }, 'data-card': { status: 'closed' } })), 'datasources_endmodel')).toBe('closed');
  });

  it('mirrors end-user grades into base-model grades for a release without a base model', () => {
    const r = osai(allOpenExcept({ datasets: { status: 'closed' }, 'data-card': { status: 'closed' } }));
    expect(grade(r, 'datasources_basemodel')).toBe('closed');
    expect(grade(r, 'weights_basemodel')).toBe('open');
  });

  it('reads base-model grades from the base release when given, and leaves them unknown otherwise', () => {
    const base = release({ id: 'base-7b', license: 'Apache-2.0', components: ALL_OPEN });
    const tuned = release({ id: 'tuned-7b', base_model: 'base-7b', license: 'Apache-2.0', components: allOpenExcept({ datasets: { status: 'closed' }, 'data-card': { status: 'closed' } }) });
    const withBase = assessOsai(tuned, REGISTRY, { base });
    expect(grade(withBase, 'datasources_basemodel')).toBe('open');
    expect(grade(withBase, 'datasources_endmodel')).toBe('closed');
    const without = assessOsai(tuned, REGISTRY);
    expect(grade(without, 'datasources_basemodel')).toBe('unknown');
    expect(without.params.find((p) => p.param === 'weights_basemodel')?.reason).toBe('base model base-7b not available to this rubric');
  });

  it('grades training code partial when only inference code is released', () => {
    const r = osai(allOpenExcept({ 'training-code': { status: 'closed' }, 'data-preprocessing-code': { status: 'closed' } }));
    expect(grade(r, 'trainingcode')).toBe('partial');
  });

  it('grades training code closed when nothing is released, and unknown when nothing is known', () => {
    const closed = osai(allOpenExcept({ 'training-code': { status: 'closed' }, 'data-preprocessing-code': { status: 'closed' }, 'inference-code': { status: 'closed' } }));
    expect(grade(closed, 'trainingcode')).toBe('closed');
    const { 'training-code': _a, 'data-preprocessing-code': _b, 'inference-code': _c, ...rest } = ALL_OPEN;
    expect(grade(osai(rest), 'trainingcode')).toBe('unknown');
  });
});

describe('assessOsai: documentation and licenses', () => {
  it('grades the architecture open with a report, partial without one', () => {
    expect(grade(osai(ALL_OPEN), 'hardware_architecture')).toBe('open');
    const r = osai(allOpenExcept({ 'technical-report': { status: 'closed' }, 'research-paper': { status: 'closed' } }));
    expect(grade(r, 'hardware_architecture')).toBe('partial');
  });

  it('maps the technical report to the preprint and the research paper to the paper', () => {
    const r = osai(allOpenExcept({ 'technical-report': { status: 'open' }, 'research-paper': { status: 'closed' } }));
    expect(grade(r, 'preprint')).toBe('open');
    expect(grade(r, 'paper')).toBe('closed');
  });

  it('grades licenses closed when the weights are under a custom license and nothing else is open', () => {
    const r = assessOsai(release({ license: 'LicenseRef-gemma', access: ['gated-weights'] }), REGISTRY);
    expect(grade(r, 'licenses')).toBe('closed');
  });

  it('grades licenses partial when the weights are open but released code is not', () => {
    const r = osai(allOpenExcept({ 'training-code': { status: 'open', license: 'LicenseRef-llama-3.1' } }));
    expect(grade(r, 'licenses')).toBe('partial');
  });
});

describe('assessOsai: the index\'s own observation', () => {
  it('passes the index\'s grades through beside ours and names where they differ', () => {
    const theirs = { grades: { modelcard: 'partial', licenses: 'open' } as const, source: 'OLMo.yaml' };
    const r = assessOsai(release({ components: ALL_OPEN, license: 'Apache-2.0' }), REGISTRY, { theirs });
    expect(r.theirs).toEqual(theirs);
    expect(r.reasons.at(-1)).toBe('the index itself differs on model card (index: partial, ours: open)');
    expect(r.score).toBe(1);
  });

  it('sets theirs to null when there is no observation', () => {
    expect(osai(ALL_OPEN).theirs).toBeNull();
  });
});
