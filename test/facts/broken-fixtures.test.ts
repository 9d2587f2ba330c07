import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, type Diagnostic } from '../../src/lib/diagnostic.js';
import { PACKAGE_ROOT } from '../../src/lib/paths.js';
import { loadAndValidate } from '../../src/facts/validate.js';
import { FIXTURES, scratchData, TODAY } from '../helpers/fixture-data.js';

/**
 * Golden tests: each folder in test/fixtures/broken/ overlays one broken file on the valid
 * fixture data; expected.txt holds the exact diagnostics `aperture validate` must print.
 * What a file cannot hold (a 10,000-deep document, a 40 MB file, a symlink, a file nobody may
 * read, a newline in a file name) is made by the folder's make.mjs, run on the scratch copy:
 * `export default async (dataDir) => {...}`; `export const unprivileged = true` when root would
 * see through the case (permissions), so it then runs as the `nobody` user.
 */
const BROKEN = path.join(FIXTURES, 'broken');
const cases = readdirSync(BROKEN).sort();
const NOBODY = 65534;

async function diagnosticsAsNobody(root: string, dataDir: string): Promise<Diagnostic[]> {
  await chmod(root, 0o755);
  const r = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'aperture.mjs'), '--data', dataDir, 'validate', '--json'], {
    cwd: root, uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: root },
  });
  expect(r.status, r.stderr).toBe(1);
  return (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
}

describe('validate reports each broken fixture at its file and line', () => {
  it('has a fixture for every validation rule', () => {
    const rules = new Set(
      cases.flatMap((c) => [...readFileSync(path.join(BROKEN, c, 'expected.txt'), 'utf8').matchAll(/\[([a-z-]+)\]$/gm)].map((m) => m[1])),
    );
    for (const rule of ['yaml', 'schema', 'missing-source', 'duplicate-id', 'reference', 'date', 'params', 'country', 'license-id', 'layout',
      'duplicate-release', 'history', 'size', 'read', 'symlink', 'encoding', 'range', 'cycle'])
      expect(rules, `no fixture exercises rule ${rule}`).toContain(rule);
  });

  it('holds at least 60 broken or hostile cases', () => expect(cases.length).toBeGreaterThanOrEqual(60));

  for (const name of cases) {
    it(`${name}`, async () => {
      const dir = path.join(BROKEN, name);
      const make = path.join(dir, 'make.mjs');
      const { root, dataDir, cleanup } = await scratchData(dir);
      try {
        const maker = existsSync(make) ? ((await import(pathToFileURL(make).href)) as { default: (d: string) => Promise<void>; unprivileged?: boolean }) : undefined;
        await maker?.default(dataDir);
        const asNobody = maker?.unprivileged && process.getuid?.() === 0;
        const diagnostics = asNobody ? await diagnosticsAsNobody(root, dataDir) : (await loadAndValidate(dataDir, { today: TODAY, cwd: root })).diagnostics;
        const actual = formatDiagnostics(diagnostics).join('\n');
        const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8').trimEnd();
        expect(actual).toBe(expected);
      } finally {
        await chmodBack(dataDir);
        await cleanup();
      }
    }, 60_000);
  }
});

/** Gives back the permissions a case took away, so the scratch copy can be removed. */
async function chmodBack(dir: string): Promise<void> {
  spawnSync('chmod', ['-R', 'u+rwX', dir]);
}
