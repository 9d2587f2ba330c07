import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epochEciImporter } from '../../src/sources/epoch-eci/index.js';
import { cli } from '../helpers/cli.js';
import { scratchData } from '../helpers/fixture-data.js';
import { fixture, generatedFile, IMPORTS, ndjsonRecords, readOpts } from './helpers.js';

describe('epochEciImporter.read(folder)', async () => {
  const batch = await epochEciImporter.read(fixture('epoch-eci'), readOpts());
  const eci = batch.scores.filter((s) => s.measure === 'epoch-eci');

  it('cites Epoch AI under CC-BY-4.0, dated by the series file', () => {
    expect(batch.dataset).toMatchObject({ sourceId: 'epoch-eci', publisher: 'Epoch AI', license: 'CC-BY-4.0', snapshot: '2026-02-08', url: 'https://epoch.ai/benchmarks/eci' });
  });
  it('reads each ECI with its 90% interval, dated by the snapshot, and skips rows without a score', () => {
    expect(eci.find((s) => s.name === 'Llama 3.1-405B')).toEqual({ name: 'Llama 3.1-405B', orgNames: ['Meta AI'], measure: 'epoch-eci', value: 127.77, low: 125.1, high: 130.2, date: '2026-02-08' });
    expect(eci.find((s) => s.name === 'Mistral 7B v0.1')).not.toHaveProperty('low');
    expect(eci.map((s) => s.name)).not.toContain('Broken Row');
    expect(batch.skipped['ECI rows without a score']).toBe(1);
  });
  it('keeps the ECI table only: the series file holds another fit of the same index', () => {
    expect(eci).toHaveLength(3);
  });
  it('reads frontier benchmarks as Epoch-run measures and METR by version, with its interval and page', () => {
    expect(batch.scores).toContainEqual({ name: 'Llama 3.1-405B', orgNames: ['Meta AI'], measure: 'epoch-gpqa-diamond', value: 49.1, date: '2026-02-08' });
    expect(batch.scores).toContainEqual({ name: 'Llama 3.1-405B', orgNames: ['Meta AI'], measure: 'metr-time-horizon-v1.0', value: 12.5, low: 6.2, high: 22.9, date: '2026-02-08', url: 'https://metr.org/blog/2026-1-29-time-horizon-1-1/' });
    // A METR row without a version cannot be told apart from another version's: left out, counted.
    expect(batch.scores.some((s) => s.name === 'Mistral 7B v0.1' && s.measure.startsWith('metr'))).toBe(false);
    expect(batch.skipped['metr_time_horizon: no score or no version']).toBe(1);
  });
  it('asks for --snapshot when the series file is absent', async () => {
    const fs = { ...readOpts().fs, exists: async (f: string) => !f.endsWith('.json') };
    await expect(epochEciImporter.read(fixture('epoch-eci'), { fs })).rejects.toThrow(/--snapshot/);
    const dated = await epochEciImporter.read(fixture('epoch-eci'), { fs, snapshot: '2026-01-01' });
    expect(dated.scores.every((s) => s.date === '2026-01-01')).toBe(true);
  });
});

describe('aperture import epoch-eci', () => {
  let root: string;
  let dataDir: string;
  let cleanup: () => Promise<void>;
  const q = (...args: string[]) => cli('--data', dataDir, '--db', path.join(root, 'a.duckdb'), ...args);
  beforeAll(async () => {
    ({ root, dataDir, cleanup } = await scratchData(path.join(IMPORTS, 'data-overlay')));
  });
  afterAll(() => cleanup());

  it('ties scores to releases by the shared resolution, keeps the interval and lists the names it could not tie', async () => {
    const r = await q('import', 'epoch-eci', fixture('epoch-eci'), '--json');
    expect(r.code, r.stderr).toBe(0);
    const obs = ndjsonRecords(await readFile(await generatedFile(dataDir, 'capability/epoch-eci.ndjson'), 'utf8'));
    expect(obs).toContainEqual({ release: 'llama-3.1-405b', measure: 'epoch-eci', value: 127.77, low: 125.1, high: 130.2, date: '2026-02-08', source: 'epoch-eci' });
    expect(obs.some((o) => o.measure === 'metr-time-horizon-v1.0' && o.release === 'llama-3.1-405b' && o.source !== 'epoch-eci')).toBe(true);
    const unmatched = (await q('unmatched', '--json', '--upstream', 'epoch-eci')).json<Array<Record<string, unknown>>>();
    expect(unmatched.map((u) => u.name)).toEqual(expect.arrayContaining(['Mystery Model X', 'fireworks/unknown-model']));
    const v = await q('validate', '--json');
    expect(v.json()).toMatchObject({ ok: true, errors: 0 });
  });
  it('rejects an interval that does not hold the value, naming the file and line', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(await generatedFile(dataDir, 'capability/epoch-eci.ndjson'), '{"release":"llama-3.1-405b","measure":"epoch-eci","value":127.77,"low":130,"high":131,"date":"2026-02-08","source":"epoch-eci"}\n');
    const v = await q('validate');
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toMatch(/epoch-eci\.ndjson:1: error: .*low <= value <= high/);
  });
});
