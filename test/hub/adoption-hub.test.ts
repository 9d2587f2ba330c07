import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FIXTURES, VALID_DATA } from '../helpers/fixture-data.js';
import { testSite, type TestSite } from '../server/helpers.js';

let dir: string;
let site: TestSite;
const saved = process.env.APERTURE_HUB;
const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-hub-adoption-'));
  process.env.APERTURE_HUB = dir;
  const r = await cli('--data', VALID_DATA, 'hub', 'ingest', path.join(FIXTURES, 'hub', 'lineage.ndjson'), '--as-of', '2026-11-01');
  expect(r.code, r.stderr).toBe(0);
  site = await testSite({ fixture: 'data' });
});
afterAll(async () => {
  await site.close();
  if (saved === undefined) delete process.env.APERTURE_HUB;
  else process.env.APERTURE_HUB = saved;
  await rm(dir, { recursive: true, force: true });
});

describe('adoption with a Hub snapshot', () => {
  it('gives the whole-Hub figures under both rules, each row naming its rule', async () => {
    const d = (await get('/api/adoption?as_of=2026-11-29')).json().data;
    expect(d.hub.snapshot).toBe('2026-11-01');
    expect(d.hub.rules.map((r: { rule: string }) => r.rule)).toEqual(['root', 'uploader']);
    const pick = (rule: string) => Object.fromEntries(d.hub.rows.filter((r: { rule: string }) => r.rule === rule).map((r: { group: string; downloads_30d: number }) => [r.group, r.downloads_30d]));
    expect(pick('root')).toEqual({ US: 191, CN: 99, unknown: 65 });
    expect(pick('uploader')).toEqual({ US: 100, CN: 60, unknown: 195 });
    // The curated observations are still there beside them.
    expect(Array.isArray(d.rows)).toBe(true);
  });

  it('switches to one rule, names it beside every figure on the page, and falls back before the first snapshot', async () => {
    const one = (await get('/api/adoption?as_of=2026-11-29&rule=uploader&by=org')).json().data;
    expect(new Set(one.hub.rows.map((r: { rule: string }) => r.rule))).toEqual(new Set(['uploader']));
    const page = await get('/adoption?as_of=2026-11-29&rule=uploader', { accept: 'text/html' });
    expect(page.body).toContain('Whole Hub, snapshot 2026-11-01');
    expect(page.body).toContain('100 (uploader)');
    expect(page.body).not.toContain('(root)');
    expect((await get('/api/adoption?as_of=2026-10-01')).json().data.hub).toBeUndefined();
  });

  it('aperture adoption prints the Hub table with its rules', async () => {
    const r = await cli('--data', VALID_DATA, '--db', path.join(dir, 'facts.duckdb'), 'adoption', '--as-of', '2026-11-29');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/whole Hub, snapshot 2026-11-01 \(root: credited to the lab and country of the repo's lineage roots/);
    expect(r.stdout).toMatch(/uploader\s+US\s/);
  });
});
