import { describe, expect, it } from 'vitest';
import { epochImporter } from '../../src/sources/epoch/index.js';
import { splitCountries } from '../../src/sources/epoch/countries.js';
import { modelsDevImporter } from '../../src/sources/models-dev/index.js';
import { lmarenaImporter } from '../../src/sources/lmarena/index.js';
import { snapshotDate } from '../../src/sources/lmarena/parse.js';
import { openLlmLeaderboardImporter } from '../../src/sources/open-llm-leaderboard/index.js';
import { openRouterImporter } from '../../src/sources/openrouter/index.js';
import { hubReposIn, partialDate, typeFromName } from '../../src/sources/text.js';
import { measureSlug } from '../../src/sources/measures.js';
import { fixture, IMPORTS, readOpts } from './helpers.js';
import { nodeFs } from '../../src/sources/index.js';

describe('epochImporter.read(csv)', async () => {
  const batch = await epochImporter.read(fixture('epoch', 'all_ml_systems_full_view_2025-08-07.csv'), readOpts());
  const byName = new Map(batch.releases.map((r) => [r.name, r]));

  it('cites the dataset with the snapshot date from the file name', () => {
    expect(batch.dataset).toMatchObject({ sourceId: 'epoch-ai-models', url: 'https://epoch.ai/data/ai-models', license: 'CC-BY-4.0', snapshot: '2025-08-07' });
  });
  it('filters releases before 2012 and domains outside the covered modalities', () => {
    expect(byName.has('Old Net')).toBe(false);
    expect(byName.has('ProteinThing')).toBe(false);
    expect(batch.skipped).toEqual({ 'published before 2012': 1, 'domain outside the covered modalities': 1 });
  });
  it('maps accessibility labels to access channels and keeps an empty one unknown', () => {
    expect(byName.get('Mistral 7B v0.1')!.access).toEqual(['open-weights']);
    expect(byName.get('CoDev Model')!.access).toEqual(['api']);
    expect(byName.get('Mystery LM')!).toMatchObject({ access: undefined, incomplete: 'no model accessibility' });
  });
  it('reads the free-text license line and Hub repos from the accessibility notes', () => {
    expect(byName.get('Llama 3.1-405B')).toMatchObject({ license: 'Llama 3.1 Community License', hfRepos: ['meta-llama/Llama-3.1-405B'], params: { total: 405e9 } });
    expect(byName.get('Mistral 7B v0.1')!.license).toBe('Apache 2.0');
  });
  it('keeps every co-developer, lead first', () => {
    expect(byName.get('GLM-130B')!.orgNames).toEqual(['Tsinghua University', 'Zhipu AI']);
  });
  it('gives an organization countries only from rows where it is the sole developer', () => {
    const orgs = new Map(batch.orgs.map((o) => [o.name, o]));
    expect(orgs.get('Tsinghua University')).toEqual({ name: 'Tsinghua University', countries: ['CN'], kind: 'academic' });
    // "United States of America,Multinational,Germany" joins two co-developers: whose is whose is unknown.
    expect(orgs.has('Acme Labs')).toBe(false);
    expect(orgs.has('Beta Institute')).toBe(false);
  });
});

describe('splitCountries(field)', () => {
  it('splits a joined country field into ISO codes, dropping repeats and "Multinational"', () => {
    expect(splitCountries('United States of America,United Kingdom of Great Britain and Northern Ireland,Multinational,Canada,United States of America')).toEqual(['US', 'GB', 'CA']);
    expect(splitCountries('Korea (Republic of),Hong Kong,China')).toEqual(['KR', 'HK', 'CN']);
  });
});

describe('modelsDevImporter.read(folder)', async () => {
  const batch = await modelsDevImporter.read(fixture('models.dev', 'models'), readOpts());
  const byName = new Map(batch.releases.map((r) => [r.name, r]));

  it('keeps month-only release dates as written', () => {
    expect(byName.get('Mistral Medium 3')).toMatchObject({ date: '2025-05', access: ['api'], orgNames: ['mistral'], modalities: ['text', 'image'] });
  });
  it('reads weights URLs as Hub repos and open_weights as access', () => {
    expect(byName.get('DeepSeek-R1')).toMatchObject({ access: ['open-weights'], hfRepos: ['deepseek-ai/DeepSeek-R1'], type: 'reasoning' });
  });
  it('dates benchmarks by their own date, else by the snapshot, and names the harness in the measure', () => {
    expect(batch.dataset.snapshot).toBe('2025-05-29');
    expect(batch.scores).toEqual([
      { name: 'DeepSeek-R1', orgNames: ['deepseek'], hfRepo: 'deepseek-ai/DeepSeek-R1', measure: 'gpqa-diamond', value: 71.5, date: '2025-01-22', url: 'https://arxiv.org/abs/2501.12948' },
      { name: 'DeepSeek-R1', orgNames: ['deepseek'], hfRepo: 'deepseek-ai/DeepSeek-R1', measure: 'swe-atlas-codebase-qna-mini-swe-agent', value: 20.1, date: '2025-05-29', url: 'https://labs.scale.com/leaderboard/sweatlas-qna' },
    ]);
  });
});

describe('lmarenaImporter.read(folder)', async () => {
  const batch = await lmarenaImporter.read(fixture('lmarena'), readOpts());

  it('reads every text snapshot of the history, old (arena_elo) and new (arena_score) columns, and skips other arenas', () => {
    const dates = batch.scores.map((s) => `${s.date} ${s.name} ${s.value}`);
    expect(dates).toContain('2024-07-07 Meta-Llama-3.1-405b 1200');
    expect(dates).toContain('2025-08-04 Meta-Llama-3.1-405b 1254');
    expect(batch.scores.every((s) => s.measure === 'lmarena-text')).toBe(true);
    expect(batch.scores.some((s) => s.value === 1111)).toBe(false);
    expect(batch.dataset.snapshot).toBe('2025-08-04');
  });
  it('takes the snapshot date from either file-name style', () => {
    expect(snapshotDate('2024.07.07.csv')).toBe('2024-07-07');
    expect(snapshotDate('2024-06-19-3792cf0.csv')).toBe('2024-06-19');
    expect(snapshotDate('lmarena_text.csv')).toBeUndefined();
  });
});

describe('openLlmLeaderboardImporter.read(csv)', async () => {
  const batch = await openLlmLeaderboardImporter.read(fixture('open-llm-leaderboard', 'huggingface_v2.csv'), readOpts());

  it('turns official providers into release candidates with Hub id, license tag and parameters', () => {
    const r = batch.releases.find((x) => x.name === 'DeepSeek-R1-Distill-Qwen-7B')!;
    expect(r).toMatchObject({ orgNames: ['deepseek-ai'], hfRepos: ['deepseek-ai/DeepSeek-R1-Distill-Qwen-7B'], license: 'mit', params: { total: 7.616e9 }, date: '2025-01-20', type: 'instruct', baseModel: { repo: 'Qwen/Qwen2.5-Math-7B' } });
    expect(batch.releases.some((x) => x.name === 'cool-merge-7b')).toBe(false);
  });
  it('does not take the 2022-03-02 Hub migration stamp for a release date', () => {
    expect(batch.releases.find((x) => x.name === 'old-checkpoint')).toMatchObject({ date: undefined, incomplete: 'upload date is the 2022-03-02 Hub migration stamp' });
  });
  it('reads the six normalized scores once per repo, dated by submission; community scores stay quiet', () => {
    const llama = batch.scores.filter((s) => s.hfRepo === 'meta-llama/Llama-3.1-8B-Instruct');
    expect(llama.map((s) => [s.measure, s.value, s.date])).toEqual([
      ['oll-ifeval', 78.56, '2024-07-23'], ['oll-bbh', 29.89, '2024-07-23'], ['oll-math-lvl-5', 17.15, '2024-07-23'],
      ['oll-gpqa', 2.35, '2024-07-23'], ['oll-musr', 8.41, '2024-07-23'], ['oll-mmlu-pro', 30.68, '2024-07-23'],
    ]);
    expect(batch.scores.filter((s) => s.hfRepo === 'mistralai/Mistral-7B-v0.1')).toHaveLength(6);
    expect(batch.skipped['repeated evaluation of the same repo']).toBe(1);
    expect(batch.scores.filter((s) => s.hfRepo === 'someuser/cool-merge-7b').every((s) => s.quiet)).toBe(true);
  });
});

describe('openRouterImporter.read(json)', async () => {
  const batch = await openRouterImporter.read(fixture('openrouter', 'openrouter_api_v1_models_snapshot_2026-05-15.json'), readOpts());
  it('lists API models with their Hub ids, and never creates releases from a catalog', () => {
    expect(batch.releases[0]).toMatchObject({ name: 'R1', orgNames: ['deepseek'], hfRepos: ['deepseek-ai/DeepSeek-R1'], creates: false });
    expect(batch.releases[0]!.access).toBeUndefined();
    expect(batch.releases[2]!.hfRepos).toEqual([]);
    expect(batch.dataset.snapshot).toBe('2026-05-15');
  });
  it('says what it expected when the JSON has another shape', async () => {
    const fs = { ...nodeFs, readText: async () => '[1, 2]' };
    await expect(openRouterImporter.read('x.json', { fs })).rejects.toThrow(/"data" list/);
  });
});

describe('locate(dir) on a folder laid out like the reference snapshot', () => {
  it('finds each dataset', async () => {
    expect(await epochImporter.locate(IMPORTS, nodeFs)).toMatch(/all_ml_systems_full_view_2025-08-07\.csv$/);
    expect(await modelsDevImporter.locate(IMPORTS, nodeFs)).toMatch(/models\.dev\/models$/);
    expect(await openRouterImporter.locate('/nonexistent', nodeFs)).toBeUndefined();
  });
});

describe('text helpers', () => {
  it('hubReposIn(text) finds model repos, not datasets or spaces', () => {
    expect(hubReposIn('see https://huggingface.co/mistralai/Magistral-Small-2506 and https://huggingface.co/datasets/x/y')).toEqual(['mistralai/Magistral-Small-2506']);
  });
  it('partialDate(text) keeps the precision it is given', () => {
    expect(partialDate('2025-04')).toBe('2025-04');
    expect(partialDate('2024/07/23')).toBe('2024-07-23');
    expect(partialDate('soon')).toBeUndefined();
  });
  it('typeFromName(name) says other when the name says nothing', () => {
    expect(typeFromName('Llama 3.1 8B Instruct')).toBe('instruct');
    expect(typeFromName('DeepSeek-R1')).toBe('reasoning');
    expect(typeFromName('GPT-4')).toBe('other');
  });
  it('measureSlug(name) makes ids of benchmark names', () => {
    expect(measureSlug('SWE-Bench Pro')).toBe('swe-bench-pro');
    expect(measureSlug('τ3 Banking')).toBe('tau3-banking');
    expect(measureSlug('Terminal-Bench 2.1')).toBe('terminal-bench-2.1');
  });
});

describe('epochNotableImporter.read(csv)', async () => {
  const { epochNotableImporter } = await import('../../src/sources/epoch/notable.js');
  const batch = await epochNotableImporter.read(fixture('epoch', 'notable_ai_models.csv'), readOpts());
  it('reads the later snapshot with the same parser, trimming names and dating the snapshot by its latest row', () => {
    expect(batch.dataset).toMatchObject({ sourceId: 'epoch-notable-ai-models', snapshot: '2025-12-31', license: 'CC-BY-4.0' });
    expect(batch.releases.map((r) => r.name)).toEqual(['GLM-130B', 'Solar Open 100B']);
    expect(batch.orgs).toContainEqual({ name: 'Upstage', countries: ['KR'], kind: 'company' });
  });
});

describe('modelsDevProvidersImporter.read(csv)', async () => {
  const { modelsDevProvidersImporter } = await import('../../src/sources/models-dev/providers.js');
  const batch = await modelsDevProvidersImporter.read(fixture('models.dev', 'providers_flat.csv'), readOpts());
  it('keeps one listing per model, only its open-weights claim, never a date, and never creates releases', () => {
    expect(batch.releases).toEqual([
      { name: 'DeepSeek-R1', orgNames: ['deepseek-ai'], access: ['open-weights'], hfRepos: [], creates: false, quiet: true },
      { name: 'Unknown Endpoint', orgNames: ['someone'], access: ['open-weights'], hfRepos: [], creates: false, quiet: true },
    ]);
    expect(batch.skipped).toEqual({ 'listed by several providers': 1, 'no open-weights claim': 1, 'repeats a lab-level file': 1 });
  });
});
