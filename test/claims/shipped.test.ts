import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICTS } from '../../src/domain/index.js';
import { cli } from '../helpers/cli.js';

/**
 * The seed claims on the shipped fact base. The data keeps growing, so only the shape is
 * asserted: every seed claim gets a verdict with an explanation, and a decided verdict has
 * evidence with sources, both as of the day it was said and as of today.
 */
const SEED = [
  'lecun-openai-stopped-being-open', 'lecun-anthropic-never-open', 'lecun-google-in-between-closing',
  'lecun-meta-rethinking-open-source', 'lecun-china-open-source-all-the-way', 'lecun-best-open-models-chinese',
  'ft-llama-4-underperformed', 'ft-meta-restructured-under-wang', 'lecun-left-meta-to-found-ami',
];

let root: string;
const q = (...args: string[]) => cli('--db', path.join(root, 'shipped.duckdb'), ...args);
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'aperture-shipped-'));
  expect((await q('build')).code).toBe(0);
});
afterAll(() => rm(root, { recursive: true, force: true }));

interface Result { id: string; verdict: string; as_of: string; said: string; explanation: string; evidence: { sources: string[] }[]; source: { id: string; url: string } }

describe.each([['2025-12-04'], ['today']])('the seed claims as of %s', (asOf) => {
  it('each has a verdict, an explanation and sourced evidence', async () => {
    const r = await q('claims', '--as-of', asOf, '--json');
    expect(r.code, r.stderr).toBe(0);
    const claims = r.json<{ claims: Result[] }>().claims;
    for (const id of SEED) {
      const c = claims.find((x) => x.id === id);
      expect(c, id).toBeDefined();
      expect(VERDICTS).toContain(c!.verdict);
      expect(c!.explanation.length).toBeGreaterThan(20);
      expect(c!.source.url).toMatch(/^https:\/\//);
      if (c!.verdict !== 'not-enough-data') {
        expect(c!.evidence.length, id).toBeGreaterThan(0);
        expect(c!.evidence.every((e) => e.sources.length > 0), id).toBe(true);
      }
    }
  });
});

describe('the seed claims as of the day they were said', () => {
  it('are checked as of 2025-12-04 for the AI Pulse statements', async () => {
    const claims = (await q('claims', '--json')).json<{ claims: Result[] }>().claims;
    for (const c of claims.filter((x) => x.id.startsWith('lecun-'))) expect(c.as_of).toBe(c.said);
    expect(claims.find((c) => c.id === 'lecun-best-open-models-chinese')?.as_of).toBe('2025-12-04');
  });
});
