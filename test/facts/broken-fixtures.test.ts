import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostic.js';
import { loadAndValidate } from '../../src/facts/validate.js';
import { FIXTURES, scratchData, TODAY } from '../helpers/fixture-data.js';

/**
 * Golden tests: each folder in test/fixtures/broken/ overlays one broken file on the valid
 * fixture data; expected.txt holds the exact diagnostics `aperture validate` must print.
 */
const BROKEN = path.join(FIXTURES, 'broken');
const cases = readdirSync(BROKEN).sort();

describe('validate reports each broken fixture at its file and line', () => {
  it('has a fixture for every validation rule', () => {
    const rules = new Set(
      cases.flatMap((c) => [...readFileSync(path.join(BROKEN, c, 'expected.txt'), 'utf8').matchAll(/\[([a-z-]+)\]$/gm)].map((m) => m[1])),
    );
    for (const rule of ['yaml', 'schema', 'missing-source', 'duplicate-id', 'reference', 'date', 'params', 'country', 'license-id', 'layout', 'duplicate-release', 'history'])
      expect(rules, `no fixture exercises rule ${rule}`).toContain(rule);
  });

  for (const name of cases) {
    it(`${name}`, async () => {
      const { root, dataDir, cleanup } = await scratchData(path.join(BROKEN, name));
      try {
        const { diagnostics } = await loadAndValidate(dataDir, { today: TODAY, cwd: root });
        const actual = diagnostics.map(formatDiagnostic).join('\n');
        const expected = readFileSync(path.join(BROKEN, name, 'expected.txt'), 'utf8').trimEnd();
        expect(actual).toBe(expected);
      } finally {
        await cleanup();
      }
    });
  }
});
