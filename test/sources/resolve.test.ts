import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadFacts } from '../../src/facts/load.js';
import type { FactBase } from '../../src/facts/fact-base.js';
import { isImportedFile, mergeBatch, nameKey, orgKey, OrgDirectory, ReleaseIndex, type ImportOutput } from '../../src/facts/resolve/index.js';
import { epochImporter } from '../../src/sources/epoch/index.js';
import { lmarenaImporter } from '../../src/sources/lmarena/index.js';
import { openLlmLeaderboardImporter } from '../../src/sources/open-llm-leaderboard/index.js';
import { scratchData, TODAY } from '../helpers/fixture-data.js';
import { fixture, IMPORTS, readOpts } from './helpers.js';

let facts: FactBase;
let cleanup: () => Promise<void>;
const opts = { isCurated: (f: string) => !isImportedFile(f), today: TODAY };

beforeAll(async () => {
  const scratch = await scratchData(path.join(IMPORTS, 'data-overlay'));
  cleanup = scratch.cleanup;
  facts = (await loadFacts(scratch.dataDir)).facts;
});
afterAll(() => cleanup());

describe('ReleaseIndex.resolve(name)', () => {
  const index = () => new ReleaseIndex(facts, new OrgDirectory(facts), opts.isCurated);

  it('matches by Hub repo id first, whatever the name', () => {
    expect(index().resolve({ name: 'anything', repos: ['META-LLAMA/llama-3.1-405b'], upstream: 'x' })).toEqual({ kind: 'matched', id: 'llama-3.1-405b', via: 'hub-repo' });
  });
  it('then by the alias table, restricted to its upstream when the alias says so', () => {
    expect(index().resolve({ name: 'Llama 3.1 8B Chat', upstream: 'lmarena' })).toEqual({ kind: 'matched', id: 'llama-3.1-8b-instruct', via: 'alias' });
    expect(index().resolve({ name: 'Llama 3.1 8B Chat', upstream: 'epoch', org: 'meta' }).kind).toBe('unmatched');
  });
  it('then by the normalized name within the organization, dropping a leading org word', () => {
    expect(index().resolve({ name: 'Meta-Llama-3.1-405b', org: 'meta', upstream: 'x' })).toEqual({ kind: 'matched', id: 'llama-3.1-405b', via: 'name' });
    expect(index().resolve({ name: 'mistral 7b V0.1', org: 'mistral', upstream: 'x' })).toMatchObject({ kind: 'matched', id: 'mistral-7b-v0.1' });
    expect(index().resolve({ name: 'Mistral 7B v0.1', org: 'meta', upstream: 'x' }).kind).toBe('unmatched');
  });
  it('reports a name two releases claim as ambiguous, with both candidates, and never picks one', () => {
    expect(index().resolve({ name: 'Llama 3.1', org: 'meta', upstream: 'x' })).toEqual({ kind: 'ambiguous', candidates: ['llama-3.1-405b', 'llama-3.1-8b-instruct'] });
  });
  it('says the organization is unknown rather than matching across labs', () => {
    expect(index().resolve({ name: 'GPT-4-0314', upstream: 'x' }).kind).toBe('unknown-org');
  });
});

describe('OrgDirectory.resolve(spelling)', () => {
  it('meets spelling variants on one key and reads the alias table', () => {
    const orgs = new OrgDirectory(facts);
    expect(orgKey('DeepSeek AI')).toBe(orgKey('deepseek'));
    expect(orgs.resolve('deepseek-ai')).toBe('deepseek');
    expect(orgs.resolve('Mistral AI SAS')).toBe('mistral');
    expect(orgs.resolve('Meta Platforms Inc')).toBe('meta');
    expect(orgs.resolve('Nobody Labs')).toBeUndefined();
  });
  it('keeps versions apart in name keys', () => {
    expect(nameKey('Llama 3.1 405B')).toBe(nameKey('llama-3.1-405b'));
    expect(nameKey('Command R+')).not.toBe(nameKey('Command R'));
  });
});

describe('mergeBatch(facts, epoch)', async () => {
  let out: ImportOutput;
  beforeAll(async () => {
    out = mergeBatch(facts, 'epoch', await epochImporter.read(fixture('epoch', 'all_ml_systems_full_view_2025-08-07.csv'), readOpts()), opts);
  });

  it('turns rows about curated releases into attribute observations citing the dataset, never a second release', () => {
    expect(out.releases.map((r) => r.id)).not.toContain('llama-3.1-405b');
    expect(out.attributes.filter((a) => a.release === 'llama-3.1-405b')).toEqual([
      { release: 'llama-3.1-405b', attribute: 'date', value: '2024-07-23', source: 'epoch-ai-models', date_kind: 'publication', upstream_name: 'Llama 3.1-405B' },
      { release: 'llama-3.1-405b', attribute: 'params-total', value: 405e9, source: 'epoch-ai-models', upstream_name: 'Llama 3.1-405B' },
      { release: 'llama-3.1-405b', attribute: 'access', value: 'open-weights', source: 'epoch-ai-models', upstream_name: 'Llama 3.1-405B' },
      { release: 'llama-3.1-405b', attribute: 'license', value: 'LicenseRef-llama-3.1', source: 'epoch-ai-models', upstream_name: 'Llama 3.1-405B' },
      { release: 'llama-3.1-405b', attribute: 'hf-repo', value: 'meta-llama/Llama-3.1-405B', source: 'epoch-ai-models', upstream_name: 'Llama 3.1-405B' },
    ]);
    expect(out.summary).toMatchObject({ matchedCurated: 3, releasesMatched: 3 });
  });
  it('creates releases that pass the schema, with the dataset and the per-model link as sources', () => {
    const glm = out.releases.find((r) => r.name === 'GLM-130B')!;
    expect(glm).toMatchObject({ id: 'glm-130b', org: 'tsinghua-university', date: '2022-08-04', date_kind: 'publication', access: ['open-weights'], params: { total: 130e9 } });
    expect(glm.sources[0]).toBe('epoch-ai-models');
    expect(glm.components).toEqual({ 'model-parameters-final': { status: 'restricted', source: 'epoch-ai-models' } });
    expect(out.sources.find((s) => s.id === glm.sources[1])).toMatchObject({ url: 'https://arxiv.org/abs/2210.02414', publisher: 'arxiv.org', kind: 'paper', accessed: '2025-08-07' });
    expect(out.sources[0]).toEqual({ id: 'epoch-ai-models', url: 'https://epoch.ai/data/ai-models', publisher: 'Epoch AI', title: 'Data on AI Models', license: 'CC-BY-4.0', accessed: '2025-08-07', kind: 'dataset' });
  });
  it('adds organizations the dataset describes, with their countries and kind, citing it', () => {
    expect(out.orgs).toEqual([{ id: 'tsinghua-university', name: 'Tsinghua University', kind: 'academic', country: 'CN', other_countries: [], hf_namespaces: [], aliases: [], sources: ['epoch-ai-models'] }]);
  });
  it('reports unknown organizations and incomplete rows instead of guessing', () => {
    expect(out.unmatched).toEqual([
      { upstream: 'epoch', name: 'Mystery LM', org: 'Tsinghua University', reason: 'incomplete', candidates: [], detail: 'no model accessibility', rows: 1 },
      { upstream: 'epoch', name: 'CoDev Model', org: 'Acme Labs', reason: 'unknown-org', candidates: [], rows: 1 },
    ]);
  });
});

describe('mergeBatch(facts, scores)', () => {
  it('ties LMArena names to releases and dates each score by its snapshot', async () => {
    const out = mergeBatch(facts, 'lmarena', await lmarenaImporter.read(fixture('lmarena'), readOpts()), opts);
    expect(out.capability[0]).toEqual({ release: 'deepseek-r1', measure: 'lmarena-text', value: 1398, date: '2025-08-04', source: 'lmarena-leaderboard-history' });
    expect(new Set(out.capability.map((c) => `${c.release} ${c.date} ${c.value}`))).toEqual(new Set([
      'llama-3.1-405b 2024-07-07 1200', 'llama-3.1-405b 2025-08-04 1254', 'llama-3.1-8b-instruct 2025-08-04 1176', 'deepseek-r1 2025-08-04 1398',
    ]));
    expect(out.unmatched.map((u) => [u.reason, u.name, u.candidates])).toEqual([
      ['ambiguous', 'Llama 3.1', ['llama-3.1-405b', 'llama-3.1-8b-instruct']],
      ['unknown-org', 'GPT-4-0314', []],
      ['unmatched', 'Mistral-7B-Instruct-v0.1', []],
    ]);
  });
  it('keeps leaderboard scores of community models out of the unmatched report', async () => {
    const out = mergeBatch(facts, 'open-llm-leaderboard', await openLlmLeaderboardImporter.read(fixture('open-llm-leaderboard', 'huggingface_v2.csv'), readOpts()), opts);
    expect(out.unmatched.some((u) => u.name === 'cool-merge-7b')).toBe(false);
    expect(out.releases.map((r) => r.id)).toEqual(['deepseek-r1-distill-qwen-7b']);
    expect(out.capability.filter((c) => c.release === 'llama-3.1-8b-instruct')).toHaveLength(6);
    expect(out.unmatched).toContainEqual({ upstream: 'open-llm-leaderboard', name: 'old-checkpoint', org: 'mistralai', reason: 'incomplete', candidates: [], detail: 'upload date is the 2022-03-02 Hub migration stamp', rows: 1 });
  });
});

describe('LicenseNames.resolve(text)', () => {
  it('maps free-text license names to ids, and leaves prose unresolved', async () => {
    const { LicenseNames } = await import('../../src/facts/resolve/index.js');
    const l = new LicenseNames(facts);
    expect(l.resolve('Apache 2.0')).toBe('Apache-2.0');
    expect(l.resolve('apache-2.0')).toBe('Apache-2.0');
    expect(l.resolve('Apache 2.0 for weights:')).toBe('Apache-2.0');
    expect(l.resolve('License: MIT')).toBe('MIT');
    expect(l.resolve('llama3.1')).toBe('LicenseRef-llama-3.1');
    expect(l.resolve('Llama 3.1 Community License')).toBe('LicenseRef-llama-3.1');
    expect(l.resolve('Apache 2.0 for code')).toBeUndefined();
    expect(l.resolve('must apply for commercial license')).toBeUndefined();
    expect(l.resolve('other')).toBeUndefined();
  });
});

describe('mergeBatch(facts, rows with a base model)', () => {
  it('links a created release to its base model only when the base resolves to one release', () => {
    const dataset = { sourceId: 'x-data', title: 'X', url: 'https://example.org/x', publisher: 'X', license: 'MIT', snapshot: '2025-01-01' };
    const row = (name: string, baseModel: { repo?: string; name?: string }) => ({ name, orgNames: ['meta'], date: '2024-08-01', access: ['open-weights' as const], hfRepos: [], baseModel, creates: true });
    const out = mergeBatch(facts, 'x', { dataset, releases: [row('Llama Tune A', { repo: 'meta-llama/Llama-3.1-8B-Instruct' }), row('Llama Tune B', { name: 'Llama 3.1' })], scores: [], orgs: [], skipped: {} }, opts);
    expect(out.releases.map((r) => [r.id, r.base_model])).toEqual([['llama-tune-a', 'llama-3.1-8b-instruct'], ['llama-tune-b', undefined]]);
  });
});

describe('an alias restricted to one upstream', () => {
  it('also holds for the importers named after it (epoch covers epoch-notable), and for no other', () => {
    const index = new ReleaseIndex(facts, new OrgDirectory(facts), opts.isCurated);
    // the fixture alias "Llama 3.1 8B Chat" is restricted to lmarena
    expect(index.resolve({ name: 'Llama 3.1 8B Chat', upstream: 'lmarena-vision', org: 'meta' })).toMatchObject({ kind: 'matched', id: 'llama-3.1-8b-instruct' });
    expect(index.resolve({ name: 'Llama 3.1 8B Chat', upstream: 'lmarenax', org: 'meta' }).kind).toBe('unmatched');
  });
});

describe('mergeBatch(facts, rows of a lab publishing under its parent\'s name)', () => {
  const dataset = { sourceId: 'x-data', title: 'X', url: 'https://example.org/x', publisher: 'X', license: 'MIT', snapshot: '2025-01-01', dateKind: 'upload' as const };
  const row = (name: string, org: string, license?: string) => ({ name, orgNames: [org], date: '2024-08-01', access: ['open-weights' as const], hfRepos: [], license, creates: true });
  const origin = { file: 'aliases/orgs.yaml', line: 1, lineOf: () => 1 };
  const withScoped = (): FactBase => ({ ...facts, orgAliases: [...facts.orgAliases, { value: { org: 'mistral', names: ['Meta AI Research'], models: ['mixtral', 'le chat'] }, origin }] });

  it('moves only the rows whose model name holds a word of a model-scoped org alias', () => {
    const orgs = new OrgDirectory(withScoped());
    expect(orgs.resolveFor('meta ai research', 'Mixtral-8x7B')).toBe('mistral');
    expect(orgs.resolveFor('Meta AI Research', 'LE-CHAT 2')).toBe('mistral');
    expect(orgs.resolveFor('Meta AI Research', 'Llama 9')).toBeUndefined();
    expect(orgs.resolve('Meta AI Research')).toBeUndefined();
    const out = mergeBatch(withScoped(), 'x', { dataset, releases: [row('Mixtral Tune', 'Meta AI Research')], scores: [], orgs: [], skipped: {} }, opts);
    expect(out.releases.map((r) => [r.id, r.org])).toEqual([['mixtral-tune', 'mistral']]);
  });
  it('records what the dataset\'s date stands for on every release it creates', () => {
    const out = mergeBatch(facts, 'x', { dataset, releases: [row('Mistral Tune', 'mistral', 'Apache 2.0')], scores: [], orgs: [], skipped: {} }, opts);
    expect(out.releases[0]).toMatchObject({ date: '2024-08-01', date_kind: 'upload' });
  });
  it('gates "open" weights when every curated release of that org and license is gated, and leaves other licenses open', () => {
    const out = mergeBatch(facts, 'x', { dataset, releases: [row('Llama Tune C', 'meta', 'llama3.1'), row('Mistral Tune', 'mistral', 'Apache 2.0')], scores: [], orgs: [], skipped: {} }, opts);
    expect(out.releases.map((r) => [r.id, r.license, r.access])).toEqual([
      ['llama-tune-c', 'LicenseRef-llama-3.1', ['gated-weights']],
      ['mistral-tune', 'Apache-2.0', ['open-weights']],
    ]);
  });
});
