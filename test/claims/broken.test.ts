import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ANALYTICS_DATA } from '../analytics/fixture.js';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

/** A scratch copy of the analytics fixture with one extra claim file. */
async function withClaim(name: string, text: string) {
  root = await mkdtemp(path.join(tmpdir(), 'aperture-claims-'));
  const dataDir = path.join(root, 'data');
  await cp(ANALYTICS_DATA, dataDir, { recursive: true });
  await writeFile(path.join(dataDir, 'claims', name), text);
  const dbPath = path.join(root, 'db.duckdb');
  return { dataDir, run: (...args: string[]) => cli('--data', dataDir, '--db', dbPath, ...args) };
}

const claim = (check: string) => `id: broken
statement: Something.
speaker: Someone
said: 2025-12-04
source: talk
check:
${check}
`;

describe('a malformed claim gets a file:line error', () => {
  it('names an unknown analysis at its line (aperture validate)', async () => {
    const { run } = await withClaim('broken.yaml', claim('  analysis: best-opn\n'));
    const r = await run('validate');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/claims\/broken\.yaml:7: error: check\.analysis: unknown analysis "best-opn"; expected one of best-open, lab-openness, capability-rank, event-match \[schema\]/);
  });
  it('names an unknown parameter and a mistyped one at their lines', async () => {
    const { run } = await withClaim('broken.yaml', claim('  analysis: best-open\n  params:\n    top: many\n    mesure: arena\n  rule: { country: CN }\n'));
    const r = await run('validate');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:9: error: check\.params\.top: expected a number \[schema\]/);
    expect(r.stderr).toMatch(/broken\.yaml:10: error: check\.params\.mesure: unknown parameter "mesure" for best-open; expected one of measure, top, by, max_age_days, measures, min_coverage, low_coverage \[schema\]/);
  });
  it('names an unknown metric in a rule', async () => {
    const { run } = await withClaim('broken.yaml', claim('  analysis: lab-openness\n  params: { orgs: [meta] }\n  rule:\n    supported: { open_share: { min: 0.5 } }\n'));
    const r = await run('validate');
    expect(r.stderr).toMatch(/broken\.yaml:10: error: check\.rule\.supported\.open_share: unknown metric "open_share" for lab-openness/);
  });
  it('names an unknown organization when the claims are checked (aperture claims)', async () => {
    const { run } = await withClaim('broken.yaml', claim('  analysis: lab-openness\n  params:\n    orgs: [opnai]\n  rule:\n    supported: { open_ever: { max: 0 } }\n'));
    const r = await run('claims');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:9: error: check\.params\.orgs\[0\]: unknown organization "opnai" \[reference\]\n  hint: did you mean "openai"\?/);
    expect(r.stdout).toBe('');
  });
  it('asks for a country in a best-open rule', async () => {
    const { run } = await withClaim('broken.yaml', claim('  analysis: best-open\n  rule: { supported_share: 1 }\n'));
    const r = await run('claims');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:8: error: check\.rule: best-open needs rule\.country/);
  });
});
