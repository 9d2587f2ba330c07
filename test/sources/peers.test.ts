import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { osaiIndexImporter } from '../../src/sources/osai-index/index.js';
import { parseEosaiFile } from '../../src/sources/osai-index/parse.js';
import { motImporter } from '../../src/sources/mot/index.js';
import { parseMotFile } from '../../src/sources/mot/parse.js';
import { nodeFs } from '../../src/sources/index.js';
import { isPeerImporter } from '../../src/sources/peer-importer.js';
import { FIXTURES } from '../helpers/fixture-data.js';

const EOSAI_DIR = path.join(FIXTURES, 'imports', 'osai-index');
const MOT_DIR = path.join(FIXTURES, 'imports', 'mot');

describe('osaiIndexImporter.readPeers(dir)', () => {
  it('reads every project file, skips the submission template and cites the dataset under CC-BY-4.0', async () => {
    const batch = await osaiIndexImporter.readPeers(EOSAI_DIR, { fs: nodeFs, snapshot: '2026-06-12' });
    expect(batch.peer).toBe('osai-index');
    expect(batch.entries.map((e) => e.entry.entry)).toEqual(['deepseek-r1.yaml', 'llama-3.1.yaml', 'mistral.yaml', 'olmo.yaml']);
    expect(batch.skipped).toEqual({ 'no model name (template)': 1 });
    expect(batch.dataset).toMatchObject({ id: 'osai-index', license: 'CC-BY-4.0', accessed: '2026-06-12', kind: 'dataset' });
  });
  it('is located under <dir>/osai-index and refuses to be merged as upstream releases', async () => {
    expect(await osaiIndexImporter.locate(path.join(FIXTURES, 'imports'), nodeFs)).toBe(EOSAI_DIR);
    expect(isPeerImporter(osaiIndexImporter)).toBe(true);
    await expect(osaiIndexImporter.read(EOSAI_DIR, { fs: nodeFs })).rejects.toThrow(/peer index/);
  });
});

describe('parseEosaiFile(file, text)', () => {
  const parse = async (file: string) => {
    const r = parseEosaiFile(file, await nodeFs.readText(path.join(EOSAI_DIR, file)));
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };
  it('keeps grades and evidence links, drops notes and anything that is no URL', async () => {
    const { entry } = await parse('llama-3.1.yaml');
    expect(entry.grades.datasources_basemodel).toEqual({ grade: 'open', links: ['https://example.org/data'] });
    expect(entry.grades.weights_endmodel).toEqual({ grade: 'partial', links: ['https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/tree/main'] });
    // "closed " with a trailing space is still a grade.
    expect(entry.grades.trainingcode).toEqual({ grade: 'closed' });
    expect(Object.keys(entry.grades)).toHaveLength(12);
    expect(JSON.stringify(entry)).not.toContain('Fixture notes');
  });
  it('reads national origin from the YAML comment as written and as an ISO code', async () => {
    expect((await parse('llama-3.1.yaml')).entry).toMatchObject({ origin: 'United States', countries: ['US'], org: 'Meta AI', date: '2024-07' });
    const olmo = (await parse('olmo.yaml')).entry;
    expect(olmo.origin).toBe('International');
    expect(olmo.countries).toBeUndefined();
  });
  it('offers the end-model weights repos first, the end-model name, and a separately named base model', async () => {
    const llama = await parse('llama-3.1.yaml');
    expect(llama.repos).toEqual(['meta-llama/Llama-3.1-8B-Instruct']);
    expect(llama.names).toEqual(['Llama 3.1 8B Instruct']);
    expect(llama.fallbackNames).toEqual(['Llama 3.1']);
    expect(llama.base).toEqual({ repos: ['meta-llama/Llama-3.1-405B'], names: ['Llama-3.1-405B'] });
    expect((await parse('deepseek-r1.yaml')).base).toBeUndefined();
  });
});

describe('motImporter.readPeers(dir)', () => {
  it('reads models/*.yml, skips files without a release name and takes the snapshot from --snapshot', async () => {
    const batch = await motImporter.readPeers(MOT_DIR, { fs: nodeFs, snapshot: '2026-05-11' });
    expect(batch.entries.map((e) => e.entry.entry)).toEqual(['GPT-4.yml', 'Llama-3.1-405B.yml', 'Meta-Llama-3.1-405B.yml', 'Mistral-7B-v0.1.yml']);
    expect(batch.skipped).toEqual({ 'no release name': 1 });
    expect(batch.dataset).toMatchObject({ id: 'model-openness-tool', license: 'MIT', accessed: '2026-05-11' });
  });
  it('falls back to the latest date written in the files for the snapshot', async () => {
    expect((await motImporter.readPeers(MOT_DIR, { fs: nodeFs })).dataset.accessed).toBe('2025-05-11');
  });
});

describe('parseMotFile(file, text)', () => {
  const parse = async (file: string) => {
    const r = parseMotFile(file, await nodeFs.readText(path.join(MOT_DIR, 'models', file)));
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };
  it('keeps a component\'s own license, `unlicensed`, and the evidence path', async () => {
    const { entry, repos } = await parse('Llama-3.1-405B.yml');
    expect(repos).toEqual(['meta-llama/Llama-3.1-405B']);
    expect(entry.components['model-parameters-final']).toEqual({ included: true, license_text: 'Apache 2.0', license_from: 'component' });
    expect(entry.components.datasets).toEqual({ included: true, license_text: 'CC-BY-4.0', license_from: 'component', url: 'https://example.org/datasets' });
    expect(entry.components['training-code']).toEqual({ included: true, license_text: 'unlicensed', license_from: 'component' });
    // Without its own license, a document inherits the distribution license (no document license given).
    expect(entry.components['model-card']).toMatchObject({ license_text: 'Llama 3.1 Community License', license_from: 'distribution' });
  });
  it('inherits the release license of the component\'s content type before the distribution license', async () => {
    const { entry, names, fallbackNames } = await parse('Mistral-7B-v0.1.yml');
    expect(entry.components['model-architecture']).toMatchObject({ license_text: 'MIT', license_from: 'code' });
    expect(entry.components['model-parameters-final']).toMatchObject({ license_text: 'Apache-2.0', license_from: 'distribution' });
    expect(entry.components['inference-code']).toMatchObject({ url: 'https://github.com/mistralai/mistral-inference/blob/main/LICENSE' });
    expect(Object.keys(entry.components)).toHaveLength(3);
    expect(names).toEqual(['Mistral-7B-v0.1']);
    expect(fallbackNames).toBeUndefined();
  });
  it('reads "Component not included" as not included', async () => {
    const { entry } = await parse('Meta-Llama-3.1-405B.yml');
    expect(entry.components['model-parameters-final']).toEqual({ included: false, license_from: 'component' });
  });
});
