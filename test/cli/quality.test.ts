import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedFile } from '../sources/helpers.js';
import { cli } from '../helpers/cli.js';
import { FIXTURES, scratchData } from '../helpers/fixture-data.js';
import type { Disagreement, QualityRelease } from '../../src/views/quality.js';

let root: string;
let dataDir: string;
let cleanup: () => Promise<void>;
const q = (...args: string[]) => cli('--data', dataDir, '--db', path.join(root, 'aperture.duckdb'), ...args);

interface Quality {
  summary: Record<string, unknown>;
  peers: { peer: string; entries: number; matched: number }[];
  releases: QualityRelease[];
  labs: { org: string; releases: number; unknown_components: number; well_known: number; no_evidence: number }[];
  withoutEvidence: { release: string; without_url: string[] }[];
  disagreements: Disagreement[];
  peerGaps: { release: string; component: string; peers: string[] }[];
}

beforeAll(async () => {
  // The fixture base, with a few component facts on DeepSeek-R1 so every kind of disagreement shows.
  ({ root, dataDir, cleanup } = await scratchData(path.join(FIXTURES, 'quality')));
  for (const peer of ['osai-index', 'mot']) {
    expect((await q('import', peer, path.join(FIXTURES, 'imports', peer), '--snapshot', '2026-06-12')).code).toBe(0);
  }
});
afterAll(() => cleanup());

describe('aperture quality --json', () => {
  it('counts unknown components per release and per lab, most unknown first', async () => {
    const r = await q('quality', '--json');
    expect(r.code).toBe(0);
    const out = r.json<Quality>();
    expect(out.releases).toHaveLength(5);
    expect(out.releases.slice(-2)).toMatchObject([
      { release: 'llama-3.1-405b', known: 2, unknown: 15, with_url: 1, without_url: ['datasets'] },
      { release: 'deepseek-r1', known: 3, unknown: 14, with_url: 2, without_url: ['training-code'] },
    ]);
    expect(out.releases[0]!.unknown).toBe(17);
    expect(out.releases[0]!.unknown_components).toHaveLength(17);
    expect(out.labs.find((l) => l.org === 'meta')).toMatchObject({ releases: 2, unknown_components: 32, well_known: 0, no_evidence: 0 });
    expect(out.summary).toMatchObject({ releases: 5, componentsUnknown: 80, releasesWithComponents: 0, releasesWithoutFacts: 3, releasesWithoutEvidence: 0, factsWithoutUrl: 2 });
  });
  it('lists facts without an evidence URL', async () => {
    const out = (await q('quality', '--json')).json<Quality>();
    expect(out.withoutEvidence).toEqual([
      { release: 'deepseek-r1', org: 'deepseek', known: 3, with_url: 2, without_url: ['training-code'] },
      { release: 'llama-3.1-405b', org: 'meta', known: 2, with_url: 1, without_url: ['datasets'] },
    ]);
  });
  it('reports where EOSAI or MOT and our facts point opposite ways, citing both sides', async () => {
    const out = (await q('quality', '--json')).json<Quality>();
    const seen = out.disagreements.map((d) => `${d.release} ${d.component} ${d.peer}:${d.entry} ${d.kind}`);
    // EOSAI's `paper` closed (no peer-reviewed paper) does not contradict our preprint research paper.
    expect(seen).toEqual([
      'deepseek-r1 model-card osai-index:deepseek-r1.yaml they-judge-closed',
      'llama-3.1-405b datasets mot:Llama-3.1-405B.yml they-open-we-closed',
      'llama-3.1-405b datasets osai-index:llama-3.1.yaml they-open-we-closed',
      'llama-3.1-405b model-parameters-final mot:Llama-3.1-405B.yml license-differs',
      'llama-3.1-405b model-parameters-final mot:Meta-Llama-3.1-405B.yml they-closed-we-released',
    ]);
    // EOSAI grades the base model's data; the fact it contradicts is the base release's.
    expect(out.disagreements[2]).toMatchObject({ parameter: 'datasources_basemodel', theirs: 'open', ours: 'closed', our_source: 'meta-llama-3.1-blog', source: 'osai-index' });
    expect(out.disagreements[3]).toMatchObject({ theirs: 'open', their_license: 'Apache-2.0', their_license_from: 'component', ours: 'restricted', our_license: 'LicenseRef-llama-3.1' });
    expect(out.disagreements[3]!.file).toMatch(/imported[\\/]g\d+[\\/]mot[\\/]entries\.ndjson$/);
    expect(out.summary.disagreementsByKind).toEqual({ 'they-judge-closed': 1, 'they-open-we-closed': 2, 'license-differs': 1, 'they-closed-we-released': 1 });
  });
  it('summarizes each peer index and the unknown components they speak to', async () => {
    const out = (await q('quality', '--json')).json<Quality>();
    expect(out.peers).toEqual([
      expect.objectContaining({ peer: 'mot', entries: 4, matched: 3, unknown_org: 1 }),
      expect.objectContaining({ peer: 'osai-index', entries: 4, matched: 2, unmatched: 1, unknown_org: 1 }),
    ]);
    expect(out.peerGaps).toContainEqual(expect.objectContaining({ release: 'deepseek-r1', component: 'model-parameters-final', peers: ['osai-index'] }));
    expect(out.peerGaps).toContainEqual(expect.objectContaining({ release: 'mistral-7b-v0.1', component: 'inference-code', peers: ['mot'] }));
  });
  it('filters by organization', async () => {
    const out = (await q('quality', '--org', 'deepseek', '--json')).json<Quality>();
    expect(out.releases.map((r) => r.release).sort()).toEqual(['deepseek-chat-app', 'deepseek-r1']);
    expect(out.disagreements.map((d) => d.release)).toEqual(['deepseek-r1']);
  });
});

describe('aperture quality', () => {
  it('prints a summary and the top rows as tables on a terminal', async () => {
    const r = await q('quality');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^releases:\s+5/m);
    expect(r.stdout).toContain('Disagreements with peer indices');
    expect(r.stdout).toMatch(/llama-3\.1-405b\s+datasets\s+mot\s+open CC-BY-4\.0\s+closed\s+they-open-we-closed/);
  });
});

describe('aperture stats --json', () => {
  it('counts peer observations beside the component coverage', async () => {
    const s = (await q('stats', '--json')).json<Record<string, unknown>>();
    expect(s).toMatchObject({ releasesWithComponents: 0, events: 1, peerObservations: 32 });
  });
});

describe('aperture release <id> --json', () => {
  it('shows what the peer indices say beside our components, attributed to them', async () => {
    const r = (await q('release', 'llama-3.1-405b', '--json')).json<{ peers: { peer: string; entry: string; parameter: string; says: string }[] }>();
    expect(r.peers.map((p) => `${p.peer}:${p.entry} ${p.parameter} ${p.says}`)).toEqual([
      'mot:Llama-3.1-405B.yml datasets open',
      'mot:Llama-3.1-405B.yml model-card not-open',
      'mot:Llama-3.1-405B.yml model-parameters-final open',
      'mot:Llama-3.1-405B.yml training-code not-open',
      'mot:Meta-Llama-3.1-405B.yml model-parameters-final closed',
      'osai-index:llama-3.1.yaml datasources_basemodel open',
      'osai-index:llama-3.1.yaml weights_basemodel partial',
    ]);
  });
});

describe('aperture quality --json, origins', () => {
  it('reports where EOSAI\'s national origin names none of the lab\'s countries', async () => {
    expect((await q('quality', '--json')).json<{ originDisagreements: unknown[] }>().originDisagreements).toEqual([]);
    const file = await generatedFile(dataDir, 'osai-index/entries.ndjson');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('"countries":["CN"]');
    await writeFile(file, text.replace('"countries":["CN"]', '"countries":["SG"]'));
    const out = (await q('quality', '--json')).json<{ originDisagreements: unknown[]; summary: Record<string, unknown> }>();
    expect(out.originDisagreements).toEqual([
      expect.objectContaining({ release: 'deepseek-r1', org: 'deepseek', their_origin: 'China', their_countries: ['SG'], our_countries: ['CN'] }),
    ]);
    expect(out.summary.originDisagreements).toBe(1);
    await writeFile(file, text);
  });
});

