import { describe, expect, it } from 'vitest';
import { analyzeLicense, resolveLicenseId } from '../../src/assess/license-analysis.js';
import { REGISTRY } from './fixtures.js';

describe('analyzeLicense: classification', () => {
  it('classifies an OSI-approved registry license as open source with no restrictions', () => {
    const a = analyzeLicense('Apache-2.0', REGISTRY);
    expect(a.category).toBe('open-source');
    expect(a.osiApproved).toBe(true);
    expect(a.isOpen).toBe(true);
    expect(a.restrictions).toEqual([]);
    expect(a.summary).toBe('Apache-2.0: open source (OSI-approved); no use restrictions');
  });

  it('falls back to the SPDX list for ids missing from the registry', () => {
    const a = analyzeLicense('BSD-3-Clause', REGISTRY);
    expect(a.licenses[0]?.resolvedFrom).toBe('spdx');
    expect(a.category).toBe('open-source');
    expect(a.reasons[0]).toContain('(from the SPDX list)');
  });

  it.each([
    ['CC0-1.0', 'open-data'],
    ['CC-BY-SA-4.0', 'open-data'],
    ['CDLA-Permissive-2.0', 'open-data'],
    ['CDLA-Sharing-1.0', 'open-data'],
    ['ODbL-1.0', 'open-data'],
    ['PDDL-1.0', 'open-data'],
    ['GFDL-1.3-only', 'open-documentation'],
    ['FreeBSD-DOC', 'open-documentation'],
    ['CC-BY-NC-4.0', 'non-commercial'],
    ['CC-BY-NC-ND-4.0', 'non-commercial'],
    ['CC-BY-ND-4.0', 'custom-restrictive'],
    ['BUSL-1.1', 'custom-restrictive'],
  ])('classifies SPDX license %s as %s', (id, category) => {
    expect(analyzeLicense(id, REGISTRY).category).toBe(category);
  });

  it('says a CC non-commercial license forbids commercial use', () => {
    const a = analyzeLicense('CC-BY-NC-SA-4.0', REGISTRY);
    expect(a.commercialUse).toBe('forbidden');
    expect(a.restrictions).toContain('commercial use is not allowed');
    expect(a.obligations).toContain('modified versions must be shared under the same license');
  });

  it('treats a non-OSI SPDX license it cannot place as custom restrictive with unknown terms', () => {
    const a = analyzeLicense('BUSL-1.1', REGISTRY);
    expect(a.commercialUse).toBe('unknown');
    expect(a.unknownTerms[0]).toContain('BUSL-1.1');
  });

  it('resolves a LicenseRef- id to the registry, with its category', () => {
    const a = analyzeLicense('LicenseRef-llama-3.1', REGISTRY);
    expect(a.licenses[0]?.resolvedFrom).toBe('registry');
    expect(a.category).toBe('custom-restrictive');
    expect(a.isOpen).toBe(false);
  });

  it('marks an unregistered LicenseRef- id as unknown rather than closed', () => {
    const a = analyzeLicense('LicenseRef-nobody-knows', REGISTRY);
    expect(a.category).toBe('unknown');
    expect(a.reasons).toContain('LicenseRef-nobody-knows is neither in the license registry nor on the SPDX list');
  });

  it('reports no license as category none', () => {
    for (const missing of [undefined, null, '', '  ']) {
      const a = analyzeLicense(missing, REGISTRY);
      expect(a.category).toBe('none');
      expect(a.summary).toBe('no license recorded');
    }
  });

  it('matches SPDX ids case-insensitively and reports the canonical id', () => {
    const a = analyzeLicense('apache-2.0', REGISTRY);
    expect(a.parsed).toBe(false);
    expect(a.category).toBe('open-source');
    expect(a.applies).toEqual(['Apache-2.0']);
  });

  it('reports an expression it cannot parse and cannot resolve', () => {
    const a = analyzeLicense('MIT OR OR Apache-2.0', REGISTRY);
    expect(a.category).toBe('unknown');
    expect(a.reasons[0]).toContain('is not a valid SPDX expression');
  });
});

describe('analyzeLicense: restrictions in plain words', () => {
  it('lists the Llama user threshold, acceptable-use policy and field-of-use limits', () => {
    const a = analyzeLicense('LicenseRef-llama-3.1', REGISTRY);
    expect(a.commercialUse).toBe('conditional');
    expect(a.restrictions).toEqual([
      'commercial use needs a separate license above 700 million monthly active users',
      'an acceptable-use policy applies',
      'it may not be used for "weapons development"',
    ]);
    expect(a.obligations).toEqual(['attribution is required', 'naming duty: Built with Llama']);
  });

  it('says users in the EU get no rights under a territorial exclusion', () => {
    expect(analyzeLicense('LicenseRef-llama-3.2', REGISTRY).restrictions).toContain('users in the EU get no rights');
  });

  it('says the grant is revocable and outputs may not train other models', () => {
    const a = analyzeLicense('LicenseRef-openai-terms', REGISTRY);
    expect(a.restrictions).toContain('the licensor may terminate or change the grant at will');
    expect(a.restrictions).toContain('outputs may not be used to train or improve other models');
    expect(a.category).toBe('proprietary');
  });

  it('lists terms no source states as unknown, not as restrictions', () => {
    const a = analyzeLicense('LicenseRef-vague', REGISTRY);
    expect(a.restrictions).toEqual([]);
    expect(a.unknownTerms).toEqual(
      expect.arrayContaining(['whether commercial use is allowed', 'whether an acceptable-use policy applies', 'whether the grant can be revoked']),
    );
  });
});

describe('analyzeLicense: expressions', () => {
  it('applies the most permissive option of an OR', () => {
    const a = analyzeLicense('LicenseRef-llama-3.1 OR MIT', REGISTRY);
    expect(a.category).toBe('open-source');
    expect(a.applies).toEqual(['MIT']);
    expect(a.restrictions).toEqual([]);
    expect(a.reasons).toContain('the most permissive choice applies: MIT');
  });

  it('prefers the OSI-approved option among open ones', () => {
    expect(analyzeLicense('CC0-1.0 OR MIT', REGISTRY).applies).toEqual(['MIT']);
  });

  it('keeps the first option when two are equally permissive', () => {
    expect(analyzeLicense('MIT OR Apache-2.0', REGISTRY).applies).toEqual(['MIT']);
  });

  it('prefers a known restrictive option over an unresolved one', () => {
    expect(analyzeLicense('LicenseRef-unregistered OR LicenseRef-gemma', REGISTRY).applies).toEqual(['LicenseRef-gemma']);
  });

  it('applies every restriction of an AND and takes the most closed category', () => {
    const a = analyzeLicense('Apache-2.0 AND LicenseRef-llama-3.2', REGISTRY);
    expect(a.category).toBe('custom-restrictive');
    expect(a.osiApproved).toBe(false);
    expect(a.applies).toEqual(['Apache-2.0', 'LicenseRef-llama-3.2']);
    expect(a.restrictions).toContain('users in the EU get no rights');
    expect(a.reasons).toContain('every license in the expression applies');
  });

  it('lets a non-commercial part of an AND forbid commercial use', () => {
    const a = analyzeLicense('MIT AND CC-BY-NC-4.0', REGISTRY);
    expect(a.category).toBe('non-commercial');
    expect(a.commercialUse).toBe('forbidden');
  });

  it('lets an unresolved part of an AND make the category unknown', () => {
    expect(analyzeLicense('MIT AND LicenseRef-unregistered', REGISTRY).category).toBe('unknown');
  });

  it('keeps a proprietary part of an AND proprietary even next to an unresolved one', () => {
    expect(analyzeLicense('LicenseRef-openai-terms AND LicenseRef-unregistered', REGISTRY).category).toBe('proprietary');
  });

  it('combines nested AND and OR with parentheses', () => {
    const a = analyzeLicense('(LicenseRef-gemma OR Apache-2.0) AND (MIT OR CC-BY-NC-4.0)', REGISTRY);
    expect(a.applies).toEqual(['Apache-2.0', 'MIT']);
    expect(a.category).toBe('open-source');
    expect(a.licenses.map((l) => l.id)).toEqual(['LicenseRef-gemma', 'Apache-2.0', 'MIT', 'CC-BY-NC-4.0']);
  });

  it('keeps the base classification under a WITH exception and names the exception', () => {
    const a = analyzeLicense('GPL-2.0-only WITH Classpath-exception-2.0', REGISTRY);
    expect(a.category).toBe('open-source');
    expect(a.licenses[0]?.exception).toBe('Classpath-exception-2.0');
    expect(a.reasons[0]).toContain('with Classpath-exception-2.0');
  });

  it('notes an "or later" version', () => {
    const leaf = resolveLicenseId('GPL-2.0', REGISTRY, { plus: true });
    expect(leaf.orLater).toBe(true);
    expect(analyzeLicense('GPL-2.0+', REGISTRY).reasons[0]).toContain('or any later version');
  });
});
