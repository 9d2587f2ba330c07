import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ANALYTICS_DATA } from '../analytics/fixture.js';

/**
 * Claims on capability scores over the analytics fixture: its arena scores every open flagship,
 * its GPQA Diamond figures stop on 2025-08-07 and cover 4 of the 6 open flagships of 2025.
 */
let root: string;
let run: (...args: string[]) => ReturnType<typeof cli>;
const claim = (id: string, params: string, said = '2025-12-04') => `id: ${id}
statement: The best open models are Chinese.
speaker: Someone
said: ${said}
source: talk
check:
  analysis: best-open
  params: ${params}
  rule: { country: CN, supported_share: 1.0, partly_supported_share: 0.5 }
explanation: "{count} of the top {top} on {measure} are from {country}; checked on {measures_checked} of {measures_named} measures."
`;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'aperture-measures-'));
  const dataDir = path.join(root, 'data');
  await cp(ANALYTICS_DATA, dataDir, { recursive: true });
  await writeFile(path.join(dataDir, 'claims', 'zz-two-measures.yaml'), claim('zz-two-measures', '{ measures: [arena, gpqa-diamond], top: 3 }'));
  await writeFile(path.join(dataDir, 'claims', 'zz-gpqa-stale.yaml'), claim('zz-gpqa-stale', '{ measures: [gpqa-diamond], top: 3 }', '2026-11-29'));
  await writeFile(path.join(dataDir, 'claims', 'zz-gpqa-flag.yaml'), claim('zz-gpqa-flag', '{ measures: [gpqa-diamond], top: 3, min_coverage: 0.9, low_coverage: flag }'));
  const dbPath = path.join(root, 'db.duckdb');
  run = (...args: string[]) => cli('--data', dataDir, '--db', dbPath, ...args);
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

interface Result { id: string; verdict: string; stale: boolean; explanation: string; metrics: Record<string, number | null>; measures: { measure: string; checked: boolean; verdict: string; reason?: string; window: { status: string } }[] }
const claimAt = async (id: string, asOf?: string) => {
  const r = await run('claims', '--json', ...(asOf ? ['--as-of', asOf] : []));
  expect(r.code, r.stderr).toBe(0);
  return r.json<{ claims: Result[] }>().claims.find((c) => c.id === id)!;
};

describe('a claim checked on several measures', () => {
  it('is checked on each measure with enough coverage and says on how many it holds', async () => {
    const c = await claimAt('zz-two-measures');
    expect(c.measures.map((m) => [m.measure, m.checked, m.window.status])).toEqual([['lmarena-text', true, 'full'], ['gpqa-diamond', true, 'partial']]);
    expect(c.metrics).toMatchObject({ measures_checked: 2, measures_named: 2 });
    // The top three on the arena are all Chinese; on GPQA Diamond gpt-oss-120b (US) is among them. Supported on one,
    // partly on the other: partly supported overall.
    expect(c.measures.map((m) => m.verdict)).toEqual(['supported', 'partly-supported']);
    expect(c.verdict).toBe('partly-supported');
    expect(c.explanation).toContain('checked on 2 of 2 measures');
    expect(c.explanation).toContain('Checked on 2 of 2 measures with enough coverage: supported on 1 (lmarena-text), partly supported on 1 (gpqa-diamond); it holds at least partly on 2 of 2.');
    expect(c.stale).toBe(false);
  });
  it('refuses a verdict when no measure has enough coverage, and says why', async () => {
    const c = await claimAt('zz-gpqa-stale');
    expect(c.verdict).toBe('not-enough-data');
    expect(c.explanation).toContain('not decidable: no gpqa-diamond score after 2025-08-07, older than the 365-day window starting 2025-11-29; 1 open flagships released since are unscored');
    expect(c.measures[0]).toMatchObject({ checked: false, window: { status: 'stale' } });
  });
  it('keeps the verdict flagged stale when the claim says low_coverage: flag', async () => {
    const c = await claimAt('zz-gpqa-flag');
    expect(c.verdict).not.toBe('not-enough-data');
    expect(c.stale).toBe(true);
    expect(c.explanation).toContain('This verdict is STALE: no gpqa-diamond score after 2025-08-07');
    expect(c.explanation).toContain('below the 90% needed');
    const text = await run('claim', 'zz-gpqa-flag');
    expect(text.stdout).toMatch(/^[A-Z-]+ \(STALE EVIDENCE\)  zz-gpqa-flag/);
  });
});
