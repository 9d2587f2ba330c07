import { describe, expect, it } from 'vitest';
import { assessOsaid } from '../../src/assess/osaid.js';
import type { OsaidResult } from '../../src/assess/osaid.js';
import { ALL_OPEN, REGISTRY, allOpenExcept, release } from './fixtures.js';
import type { Components } from './fixtures.js';

const osaid = (components: Components) => assessOsaid(release({ components, license: 'Apache-2.0' }), REGISTRY);
const element = (r: OsaidResult, e: 'data-information' | 'code' | 'parameters') => r.elements.find((x) => x.element === e);

describe('assessOsaid: the three elements', () => {
  it('passes when data information, code and parameters are all available under open terms', () => {
    const r = osaid(ALL_OPEN);
    expect(r.pass).toBe(true);
    expect(r.verdict).toBe('pass');
    expect(r.missing).toEqual([]);
  });

  it('accepts a data card in place of the training datasets as data information', () => {
    const r = osaid(allOpenExcept({ datasets: { status: 'closed' } }));
    expect(element(r, 'data-information')?.verdict).toBe('pass');
    expect(r.pass).toBe(true);
  });

  it('fails data information when neither datasets nor a data card is open', () => {
    const r = osaid(allOpenExcept({ datasets: { status: 'closed' }, 'data-card': { status: 'closed' } }));
    expect(r.verdict).toBe('fail');
    expect(element(r, 'data-information')?.missing).toEqual(['no open datasets or data card: datasets closed; data card closed']);
  });

  it.each([
    'data-preprocessing-code',
    'training-code',
    'evaluation-code',
    'supporting-libraries',
    'inference-code',
    'model-architecture',
  ] as const)('requires %s under an OSI-approved license', (id) => {
    const r = osaid(allOpenExcept({ [id]: { status: 'closed' } }));
    expect(element(r, 'code')?.verdict).toBe('fail');
    expect(r.pass).toBe(false);
  });

  it('rejects code under an open but not OSI-approved license', () => {
    const r = osaid(allOpenExcept({ 'training-code': { status: 'open', license: 'CC-BY-4.0' } }));
    expect(element(r, 'code')?.missing).toEqual(['training code under CC-BY-4.0, not an OSI-approved license']);
  });

  it('accepts parameters under an open data license without restrictions', () => {
    expect(element(osaid(allOpenExcept({ 'model-parameters-final': { status: 'open', license: 'CDLA-Permissive-2.0' } })), 'parameters')?.verdict).toBe('pass');
  });

  it('rejects parameters under a custom license', () => {
    const r = osaid(allOpenExcept({ 'model-parameters-final': { status: 'open', license: 'LicenseRef-llama-3.1' } }));
    expect(element(r, 'parameters')?.missing).toEqual(['model parameters (final) under LicenseRef-llama-3.1, not open terms']);
  });

  it('does not require intermediate checkpoints', () => {
    expect(osaid(allOpenExcept({ 'model-parameters-intermediate': { status: 'closed' } })).pass).toBe(true);
  });
});

describe('assessOsaid: gated, unknown and closed', () => {
  it('fails gated weights even under an OSI-approved license, since gating means asking permission', () => {
    const r = osaid(allOpenExcept({ 'model-parameters-final': { status: 'gated', license: 'Apache-2.0' } }));
    expect(r.verdict).toBe('fail');
    expect(element(r, 'parameters')?.missing).toEqual(['model parameters (final) gated (access needs permission)']);
  });

  it('says not enough data when the only gaps are unknown components', () => {
    const { 'evaluation-code': _, ...rest } = ALL_OPEN;
    const r = osaid(rest);
    expect(r.pass).toBe(false);
    expect(r.verdict).toBe('unknown');
    expect(r.summary).toBe('OSAID 1.0: not enough data (1 unknown)');
  });

  it('fails rather than says unknown when a known gap sits beside an unknown one', () => {
    const { 'evaluation-code': _, ...rest } = allOpenExcept({ 'training-code': { status: 'closed' } });
    expect(osaid(rest).verdict).toBe('fail');
  });

  it('treats a license with unknown terms as unknown, not as a failure', () => {
    const r = osaid(allOpenExcept({ 'training-code': { status: 'open', license: 'LicenseRef-unregistered' } }));
    expect(r.verdict).toBe('unknown');
  });

  it('names every missing element in the summary when it fails', () => {
    const r = osaid(allOpenExcept({ 'training-code': { status: 'closed' }, datasets: { status: 'closed' }, 'data-card': { status: 'closed' } }));
    expect(r.summary).toBe('OSAID 1.0: fail; missing no open datasets or data card: datasets closed; data card closed; training code closed');
  });
});
