import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICTS } from '../../src/domain/index.js';
import { analyticsFixture } from '../analytics/fixture.js';

let fx: Awaited<ReturnType<typeof analyticsFixture>>;
beforeAll(async () => {
  fx = await analyticsFixture();
});
afterAll(() => fx.cleanup());

interface Result { id: string; verdict: string; as_of: string; explanation: string; evidence: { kind: string; id: string; sources: string[] }[]; sources: string[] }

describe('aperture claims', () => {
  it('claims --json checks each claim as of the day it was made, with evidence and explanation', async () => {
    const r = await fx.q('claims', '--json');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('./golden/claims-said.json');
    const { claims } = r.json<{ claims: Result[] }>();
    expect(Object.fromEntries(claims.map((c) => [c.id, c.verdict]))).toEqual({
      'anthropic-never-open': 'supported',
      'best-open-chinese': 'partly-supported',
      'china-open': 'supported',
      'lecun-ami': 'not-enough-data',
      'llama-4-underperformed': 'partly-supported',
      'meta-wang': 'supported',
      'openai-stopped-open': 'partly-supported',
    });
  });
  it('claims --as-of re-checks every claim on that date', async () => {
    const r = await fx.q('claims', '--as-of', '2026-11-29');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('./golden/claims-2026-11-29.txt');
  });
  it('a month-precision event counts only once its month is over', async () => {
    const verdict = async (asOf: string) => (await fx.q('claim', 'lecun-ami', '--as-of', asOf, '--json')).json<Result>().verdict;
    expect(await verdict('2025-11-29')).toBe('not-enough-data');
    expect(await verdict('2025-11-30')).toBe('supported');
  });
  it('claim <id> --timeline shows how the verdict changed', async () => {
    const r = await fx.q('claim', 'best-open-chinese', '--timeline', '--from', '2024-01-01', '--to', '2026-11-29', '--json');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('./golden/timeline-best-open-chinese.json');
    const t = r.json<{ spans: { verdict: string }[]; points: { verdict: string }[] }>();
    expect(t.points.every((p) => (VERDICTS as readonly string[]).includes(p.verdict))).toBe(true);
    expect(t.spans.length).toBeGreaterThan(1);
  });
  it('claim <id> prints one claim with its sources and where it is defined', async () => {
    const r = await fx.q('claim', 'meta-wang');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('./golden/claim-meta-wang.txt');
  });
  it('an unknown claim id exits 1 with a hint', async () => {
    const r = await fx.q('claim', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no claim with id "nope"');
  });
  it('every evidence row cites at least one source, and every cited source is listed', async () => {
    const { claims } = (await fx.q('claims', '--as-of', '2026-11-29', '--json')).json<{ claims: Result[] }>();
    for (const c of claims) {
      for (const e of c.evidence) expect(e.sources.length, `${c.id}: ${e.id}`).toBeGreaterThan(0);
      for (const s of c.evidence.flatMap((e) => e.sources)) expect(c.sources).toContain(s);
    }
  });
});
