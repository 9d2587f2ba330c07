import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsFixture } from './fixture.js';

/**
 * Golden outputs of every analytics command on the fixture fact base, JSON and terminal text.
 * Every run names its --as-of date, so the goldens do not depend on the clock. Update them with
 * `npx vitest run test/analytics -u` after a deliberate change, and read the diff.
 */
let fx: Awaited<ReturnType<typeof analyticsFixture>>;
beforeAll(async () => {
  fx = await analyticsFixture();
});
afterAll(() => fx.cleanup());

async function golden(name: string, ...args: string[]) {
  const r = await fx.q(...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  await expect(r.stdout).toMatchFileSnapshot(`./golden/${name}`);
  return r;
}

describe('aperture trends', () => {
  it('trends --as-of 2025-12-04 --json gives per-lab yearly rows with the period flagship', async () => {
    const r = await golden('trends-org-year.json', 'trends', '--as-of', '2025-12-04', '--json');
    const { rows } = r.json<{ rows: { group: string; period: string; flagship: { id: string } | null }[] }>();
    expect(rows.find((x) => x.group === 'openai' && x.period === '2025')?.flagship?.id).toBe('gpt-5');
  });
  it('trends --by country --period half prints a table of open/total per period', () => golden('trends-country-half.txt', 'trends', '--by', 'country', '--period', 'half', '--as-of', '2025-12-04'));
  it('trends --metric mof-class counts releases per Model Openness Framework class', () => golden('trends-mof.txt', 'trends', '--metric', 'mof-class', '--as-of', '2025-12-04'));
  it('trends --metric osai-score --json gives the mean index score per period', () => golden('trends-osai.json', 'trends', '--metric', 'osai-score', '--by', 'country', '--as-of', '2025-12-04', '--json'));
});

describe('aperture signals', () => {
  it('signals --json lists retreat and advance signals with releases, events and sources', () => golden('signals.json', 'signals', '--as-of', '2026-11-29', '--json'));
  it('signals --org meta shows each signal with its evidence', () => golden('signals-meta.txt', 'signals', '--org', 'meta', '--as-of', '2026-11-29'));
  it('signals as of an earlier date do not see later releases', async () => {
    const r = (await fx.q('signals', '--org', 'meta', '--as-of', '2025-12-04', '--json')).json<{ signals: { kind: string }[] }>();
    expect(r.signals.map((s) => s.kind)).not.toContain('flagship-closed');
  });
});

describe('aperture best-open', () => {
  it('best-open --top 5 --json ranks open-weights releases and gives country shares', () => golden('best-open.json', 'best-open', '--top', '5', '--as-of', '2025-12-04', '--json'));
  it('best-open prints the ranking and the shares', () => golden('best-open.txt', 'best-open', '--top', '5', '--as-of', '2025-12-04'));
  it('best-open --measure gpqa-diamond compares only that measure', () => golden('best-open-gpqa.json', 'best-open', '--measure', 'gpqa-diamond', '--as-of', '2025-12-04', '--json'));
  it('best-open leaves out a release dated only "2025-12" as of 2025-12-04', async () => {
    const ids = async (asOf: string) => (await fx.q('best-open', '--as-of', asOf, '--json')).json<{ ranking: { id: string }[] }>().ranking.map((r) => r.id);
    expect(await ids('2025-12-04')).not.toContain('deepseek-v3.2');
    expect(await ids('2026-11-29')).toContain('deepseek-v3.2');
  });
});

describe('aperture gap', () => {
  it('gap --json gives the monthly series, closed records with their lags, and the trend', () => golden('gap.json', 'gap', '--as-of', '2026-11-29', '--json'));
  it('gap prints records and the lag trend', () => golden('gap.txt', 'gap', '--as-of', '2026-11-29'));
});

describe('aperture adoption', () => {
  it('adoption --json sums downloads by origin country per month and ranks releases against peers', () => golden('adoption.json', 'adoption', '--as-of', '2025-11-30', '--json'));
  it('adoption --by org prints periods and relative adoption', () => golden('adoption-org.txt', 'adoption', '--by', 'org', '--as-of', '2025-11-30'));
});

describe('aperture choose', () => {
  const args = ['choose', '--license-allows', 'commercial', '--no-user-cap', '--exclude-country', 'CN', '--max-params', '70e9', '--measure', 'arena', '--as-of', '2025-12-04'];
  it('choose --json ranks candidates and counts what each constraint left out', () => golden('choose.json', ...args, '--json'));
  it('choose prints each candidate with its restrictions in plain words', () => golden('choose.txt', ...args));
  it('choose rejects a bad parameter count with exit 1', async () => {
    const r = await fx.q('choose', '--max-params', 'lots');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--max-params: expected a parameter count');
  });
});

describe('--as-of', () => {
  it('rejects an impossible date', async () => {
    const r = await fx.q('best-open', '--as-of', '2025-02-30');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('February 2025 has 28 days');
  });
});
