import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceWindow } from '../../src/analytics/evidence-window.js';
import { analyticsFixture } from './fixture.js';

/**
 * The evidence window on the analytics fixture. Its arena has snapshots up to 2026-06-01 and
 * scores every open flagship; its GPQA Diamond figures stop on 2025-08-07 and leave some out.
 */
let fx: Awaited<ReturnType<typeof analyticsFixture>>;
beforeAll(async () => {
  fx = await analyticsFixture();
}, 60_000);
afterAll(() => fx.cleanup());

const windowOf = async (cmd: string, measure: string, asOf: string) => {
  const r = await fx.q(cmd, '--measure', measure, '--as-of', asOf, '--json');
  expect(r.code, r.stderr).toBe(0);
  return r.json<{ window: EvidenceWindow; ranking?: unknown[] }>();
};

describe('evidence window of best-open', () => {
  it('full: every open flagship of the year before the date has a fresh score', async () => {
    const { window: w } = await windowOf('best-open', 'arena', '2025-06-30');
    expect(w).toMatchObject({ measure: 'lmarena-text', status: 'full', newest_observation: '2025-06-01', window_start: '2024-06-30', scope: 'open-weights' });
    expect(w.coverage).toMatchObject({ scored_flagships: 8, flagships: 8, share: 1, unscored: [] });
    expect(w.released_after.count).toBe(0);
  });
  it('partial: names the flagships without a score', async () => {
    const { window: w } = await windowOf('best-open', 'gpqa-diamond', '2025-12-04');
    expect(w).toMatchObject({ status: 'partial', newest_observation: '2025-08-07' });
    expect(w.coverage).toMatchObject({ scored_flagships: 4, flagships: 6, share: 0.6667 });
    expect(w.coverage.unscored.map((r) => r.id).sort()).toEqual(['deepseek-v3', 'gemma-3-27b-it']);
  });
  it('stale: the newest score is older than the window, which counts back from the as-of date', async () => {
    const { window: w, ranking } = await windowOf('best-open', 'gpqa-diamond', '2026-11-29');
    expect(w).toMatchObject({ status: 'stale', newest_observation: '2025-08-07', window_start: '2025-11-29' });
    expect(w.released_after).toMatchObject({ count: 1, flagships: 1, releases: [expect.objectContaining({ id: 'deepseek-v3.2', flagship: true })] });
    expect(ranking).toEqual([]);
  });
  it('a measure that stopped being updated does not stay fresh: nothing is ranked long after its last snapshot', async () => {
    // Dates after today are refused, so the window is narrowed instead: 90 days back from
    // 2026-11-29 ends after the newest observation (2026-06-01); counted back from that
    // observation, it would still rank nine releases.
    const r = await fx.q('best-open', '--measure', 'arena', '--as-of', '2026-11-29', '--max-age-days', '90', '--json');
    expect(r.code).toBe(0);
    const { window: w, ranking } = JSON.parse(r.stdout);
    expect(w.status).toBe('stale');
    expect(ranking).toEqual([]);
  });
  it('none: no observation of the measure by the date', async () => {
    const { window: w } = await windowOf('best-open', 'gpqa-diamond', '2024-07-01');
    expect(w).toMatchObject({ status: 'none', newest_observation: null });
  });
  it('is printed before the ranking on a terminal', async () => {
    const r = await fx.q('best-open', '--measure', 'gpqa-diamond', '--as-of', '2026-11-29');
    expect(r.stdout.split('\n').slice(0, 4).join('\n')).toBe([
      'EVIDENCE WINDOW gpqa-diamond as of 2026-11-29: STALE',
      '  newest score 2025-08-07, older than the 365-day window starting 2025-11-29: no score is used',
      '  coverage: 0 of 1 open flagships released 2025-11-29 to 2026-11-29 have a score (0%)',
      '  1 open release(s) came out after the newest score (1 flagships) and cannot be ranked: deepseek-v3.2',
    ].join('\n'));
  });
});

describe('evidence window of gap and choose', () => {
  it('gap counts open and closed releases', async () => {
    const { window: w } = await windowOf('gap', 'gpqa-diamond', '2025-12-04');
    expect(w.scope).toBe('all');
    expect(w.coverage.flagships).toBeGreaterThan(6);
  });
  it('choose carries the window of the measure it ranks by', async () => {
    const { window: w } = await windowOf('choose', 'gpqa-diamond', '2026-11-29');
    expect(w).toMatchObject({ status: 'stale', scope: 'open-weights', measure: 'gpqa-diamond' });
  });
});

describe('aperture stats per measure', () => {
  it('gives each capability measure its date range and release count, on a terminal too', async () => {
    const r = await fx.q('stats', '--json');
    const measures = r.json<{ measures: Record<string, unknown>[] }>().measures;
    expect(measures).toContainEqual({ measure: 'lmarena-text', releases: 28, observations: 52, sources: 1, first: '2024-06-01', last: '2026-06-01' });
    expect(measures).toContainEqual({ measure: 'gpqa-diamond', releases: 6, observations: 6, sources: 1, first: '2025-01-20', last: '2025-08-07' });
    expect((await fx.q('stats')).stdout).toMatch(/gpqa-diamond +2025-01-20 +2025-08-07 +6 +6 +1/);
  });
});
