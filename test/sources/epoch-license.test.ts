import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadFacts } from '../../src/facts/load.js';
import type { FactBase } from '../../src/facts/fact-base.js';
import { LicenseNames } from '../../src/facts/resolve/index.js';
import { epochImporter } from '../../src/sources/epoch/index.js';
import { licensePhrases } from '../../src/sources/epoch/license-phrases.js';
import { scratchData } from '../helpers/fixture-data.js';
import { fixture, IMPORTS, readOpts } from './helpers.js';

let facts: FactBase;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const scratch = await scratchData(path.join(IMPORTS, 'data-overlay'));
  cleanup = scratch.cleanup;
  facts = (await loadFacts(scratch.dataDir)).facts;
});
afterAll(() => cleanup());

describe('licensePhrases(Epoch accessibility notes)', () => {
  it('cuts lines at URLs and clause breaks and tries parentheticals on their own', () => {
    expect(licensePhrases('Apache 2.0, includes train code')).toEqual(['Apache 2.0', 'includes train code']);
    expect(licensePhrases('model (Apache 2.0 license): https://example.org/x')).toContain('Apache 2.0 license');
    expect(licensePhrases('Deepseek License for weights')).toEqual(['Deepseek License']);
  });
  it('gives nothing when Epoch doubts its reading, and only non-commercial names when the note says non-commercial', () => {
    expect(licensePhrases('unclear license | MIT license')).toEqual([]);
    expect(licensePhrases('MIT license, but non-commercial for weights')).toEqual([]);
    expect(licensePhrases('research purposes only\nrepo: MIT License')).toEqual([]);
    expect(licensePhrases('Non-Commercial license (CC BY-NC-4.0)')).toEqual(['CC BY-NC-4.0', 'Non-Commercial license']);
  });
});

describe('epoch import: the license named by the notes', async () => {
  const batch = await epochImporter.read(fixture('epoch-license', 'all_ml_systems_full_view_2025-08-07.csv'), readOpts());
  const licenseOf = (name: string) => new LicenseNames(facts).of(batch.releases.find((r) => r.name === name)!);

  it('takes the one license the phrases name', () => {
    expect(licenseOf('Clause Net')).toBe('Apache-2.0');
    expect(licenseOf('Paren Net')).toBe('Apache-2.0');
    expect(licenseOf('NC Net')).toBe('CC-BY-NC-4.0');
    expect(licenseOf('Tail Net')).toBe('Apache-2.0');
    expect(licenseOf('Is Net')).toBe('Apache-2.0');
  });
  it('skips what a `code:` label introduces and reads what a `weights:` label does', () => {
    expect(licenseOf('Split Net')).toBe('CC-BY-NC-SA-4.0');
  });
  it('takes none when the note names two licenses, doubts itself, or only speaks of the repo', () => {
    expect(licenseOf('Two Net')).toBeUndefined();
    expect(licenseOf('Code Net')).toBeUndefined();
    expect(licenseOf('Weights Net')).toBeUndefined(); // "Example License for weights" beside "CC BY-NC 4.0 for weights"
    expect(licenseOf('Mention Net')).toBeUndefined(); // "llama license" names no license we know, so "apache 2" may be the code's
    expect(licenseOf('Doubt Net')).toBeUndefined();
    expect(licenseOf('Research Net')).toBeUndefined();
    expect(licenseOf('Prose Net')).toBeUndefined();
  });
  it('reads SPDX full names', () => {
    expect(new LicenseNames(facts).resolve('BSD 3-Clause "New" or "Revised" License')).toBe('BSD-3-Clause');
    expect(new LicenseNames(facts).resolve('GNU General Public License v3.0 only')).toBe('GPL-3.0-only');
  });
});
