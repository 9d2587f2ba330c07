import { describe, expect, it } from 'vitest';
import { hubFigures } from '../../src/sources/os-ai-map/figures.js';
import { modelRepo } from '../../src/sources/os-ai-map/parse.js';
import { osAiMapImporter } from '../../src/sources/os-ai-map/index.js';
import { nodeFs } from '../../src/sources/index.js';
import { fixture, IMPORTS, readOpts } from './helpers.js';

describe('hubFigures(note)', () => {
  it('reads downloads last month in the spellings the notes use', () => {
    expect(hubFigures('~3,294 downloads last month for 13B-Instruct')).toEqual({ downloads30d: 3294 });
    expect(hubFigures('~1,462 downloads/month, 149 likes (June 2026)')).toEqual({ downloads30d: 1462, likes: 149 });
    expect(hubFigures('live base repo with 6,510 downloads/mo + derivative interest')).toEqual({ downloads30d: 6510 });
    expect(hubFigures("'Downloads last month: 22,336'")).toEqual({ downloads30d: 22336 });
    expect(hubFigures('Apache-2.0, 25,817 monthly downloads')).toEqual({ downloads30d: 25817 });
    expect(hubFigures('~133.6k downloads/mo for the instruct model')).toEqual({ downloads30d: 133600 });
  });
  it('reads derivative counts and likes', () => {
    expect(hubFigures('27B base 5,893 downloads/mo, 27 finetunes / 14 quantizations / 10 adapters')).toEqual({
      downloads30d: 5893, finetunes: 27, quantizations: 14, adapters: 10,
    });
    expect(hubFigures('103 Spaces, 1.23k likes')).toEqual({ likes: 1230 });
  });
  it('leaves out floors ("1.29M+", "40+") and other registries\' downloads', () => {
    expect(hubFigures('1.29M+ downloads last month')).toEqual({});
    expect(hubFigures('40+ quantized versions')).toEqual({});
    expect(hubFigures('~26.96M PyPI downloads last month')).toEqual({});
    expect(hubFigures('~533,043 downloads May 4-Jun 2 2026')).toEqual({});
  });
});

describe('modelRepo(url)', () => {
  it('takes model pages only', () => {
    expect(modelRepo('https://huggingface.co/Qwen/Qwen3-235B-A22B')).toBe('Qwen/Qwen3-235B-A22B');
    expect(modelRepo('https://huggingface.co/google/gemma-2-27b/tree/main')).toBe('google/gemma-2-27b');
    expect(modelRepo('https://huggingface.co/datasets/openai/gsm8k')).toBeUndefined();
    expect(modelRepo('https://huggingface.co/spaces/x/y')).toBeUndefined();
    expect(modelRepo('https://github.com/org/repo')).toBeUndefined();
  });
});

describe('osAiMapImporter.read(checkout)', async () => {
  const batch = await osAiMapImporter.read(fixture('os-ai-map'), readOpts());
  const byKey = new Map(batch.adoption!.map((a) => [`${a.repo}@${a.date}`, a]));

  it('dates each figure by the day its page was read, and the snapshot by the latest day', () => {
    expect(batch.dataset).toMatchObject({ sourceId: 'os-ai-map', license: 'MIT', snapshot: '2026-06-05' });
    expect([...byKey.keys()].sort()).toEqual([
      'deepseek-ai/DeepSeek-R1-Zero@2026-06-05', 'deepseek-ai/DeepSeek-R1@2026-06-05', 'meta-llama/Llama-3.1-8B-Instruct@2026-06-04',
    ]);
  });
  it('keeps the adoption section\'s figures over the openness section\'s for the same page and day', () => {
    expect(byKey.get('meta-llama/Llama-3.1-8B-Instruct@2026-06-04')).toEqual({
      repo: 'meta-llama/Llama-3.1-8B-Instruct', name: 'llama-3-1-8b-instruct', date: '2026-06-04',
      url: 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct',
      downloads30d: 1_234_567, likes: 2500, derivatives: { finetunes: 1089, adapters: 56 },
    });
  });
  it('skips undated pages, pages without figures, floors, datasets and other registries', () => {
    expect(byKey.get('deepseek-ai/DeepSeek-R1@2026-06-05')?.downloads30d).toBe(5_500_000);
    expect(byKey.get('deepseek-ai/DeepSeek-R1-Zero@2026-06-05')).toMatchObject({ downloads30d: 12_000 });
    expect(byKey.get('deepseek-ai/DeepSeek-R1-Zero@2026-06-05')?.derivatives).toBeUndefined();
    expect(batch.adoption!.some((a) => a.repo.startsWith('example'))).toBe(false);
  });
  it('is found by import --all in a folder laid out like the reference snapshot', async () => {
    expect(await osAiMapImporter.locate(IMPORTS, nodeFs)).toBe(fixture('os-ai-map'));
  });
});
