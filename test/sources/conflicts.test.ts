import { describe, expect, it } from 'vitest';
import { agrees, findConflicts } from '../../src/facts/conflicts.js';
import { emptyFactBase, type FactBase } from '../../src/facts/fact-base.js';

const at = (file: string) => ({ file, line: 1, lineOf: () => 1 });

describe('agrees(attribute, recorded, observed)', () => {
  it('reads a date written with less precision as agreeing with any day inside it', () => {
    expect(agrees('date', '2024-07-23', '2024-07')).toBe(true);
    expect(agrees('date', '2024', '2024-07-23')).toBe(true);
    expect(agrees('date', '2024-07-23', '2024-07-22')).toBe(false);
  });
  it('lets parameter counts differ by rounding (10%), not more', () => {
    expect(agrees('params-total', 7.24e9, 7e9)).toBe(true);
    expect(agrees('params-total', 8e9, 7e9)).toBe(false);
  });
  it('compares access on whether weights can be downloaded', () => {
    expect(agrees('access', 'gated-weights,api', 'open-weights')).toBe(true);
    expect(agrees('access', 'api', 'open-weights')).toBe(false);
  });
  it('compares license ids without regard to case', () => {
    expect(agrees('license', 'Apache-2.0', 'apache-2.0')).toBe(true);
    expect(agrees('license', 'MIT', 'Apache-2.0')).toBe(false);
  });
});

describe('findConflicts(facts)', () => {
  const facts = (): FactBase => {
    const f = emptyFactBase();
    f.releases.push({
      value: { id: 'm-7b', name: 'M 7B', family: 'm', org: 'm', date: '2023-09-27', type: 'base', params: { total: 7.3e9 }, modalities: ['text'], hf_repos: [], access: ['open-weights'], license: 'Apache-2.0', flagship: false, components: {}, sources: ['m-blog'] },
      origin: at('data/releases/m/m.yaml'),
    });
    f.attributes.push(
      { value: { release: 'm-7b', attribute: 'date', value: '2023-09-20', source: 'epoch-ai-models', upstream_name: 'M 7B' }, origin: at('data/imported/observations/epoch.yaml') },
      { value: { release: 'm-7b', attribute: 'params-total', value: 7.24e9, source: 'epoch-ai-models' }, origin: at('data/imported/observations/epoch.yaml') },
      { value: { release: 'm-7b', attribute: 'hf-repo', value: 'm/M-7B', source: 'openrouter-models-api' }, origin: at('data/imported/observations/openrouter.yaml') },
    );
    return f;
  };
  it('keeps both values and both sources of a disagreement; agreements and additions are not conflicts', () => {
    expect(findConflicts(facts(), () => true)).toEqual([
      { release: 'm-7b', attribute: 'date', recorded: '2023-09-27', recordedSources: ['m-blog'], curated: true, observed: '2023-09-20', observedSource: 'epoch-ai-models', upstreamName: 'M 7B' },
    ]);
  });
  it('attaches the override that settles a conflict, with its reason', () => {
    const f = facts();
    f.overrides.push({ value: { release: 'm-7b', attribute: 'date', value: '2023-09-27', reason: 'the announcement says so' }, origin: at('data/overrides/m.yaml') });
    expect(findConflicts(f, () => true)[0]!.resolution).toEqual({ value: '2023-09-27', reason: 'the announcement says so', file: 'data/overrides/m.yaml', line: 1 });
  });
});

describe('loading a release an import created and a curator then added', () => {
  it('keeps the curated record and warns to re-run the import, instead of a duplicate-id error', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const { scratchData } = await import('../helpers/fixture-data.js');
    const { loadAndValidate } = await import('../../src/facts/validate.js');
    const scratch = await scratchData();
    try {
      await mkdir(path.join(scratch.dataDir, 'imported', 'releases'), { recursive: true });
      await writeFile(
        path.join(scratch.dataDir, 'imported', 'releases', 'epoch.yaml'),
        '- { id: mistral-7b-v0.1, name: Mistral 7B, org: mistral, date: 2023-10-10, type: other, access: [open-weights], sources: [about-pages] }\n' +
          '- { id: mistral-7b-copy, name: Mistral 7B copy, org: mistral, date: 2023-10-10, type: other, access: [open-weights], hf_repos: [mistralai/Mistral-7B-v0.1], sources: [about-pages] }\n',
      );
      const { facts, diagnostics } = await loadAndValidate(scratch.dataDir, { today: '2026-11-29' });
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(facts.releases.filter((r) => r.value.id === 'mistral-7b-v0.1').map((r) => r.value.date)).toEqual(['2023-09-27']);
      expect(diagnostics.map((d) => d.rule)).toEqual(expect.arrayContaining(['curated-wins', 'duplicate-release']));
    } finally {
      await scratch.cleanup();
    }
  });
});

describe('renderImport(output) with an arena history', () => {
  it('writes a score seen on three or more dates as one series record that loads back as one observation per date', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const { scratchData } = await import('../helpers/fixture-data.js');
    const { loadAndValidate } = await import('../../src/facts/validate.js');
    const { renderImport } = await import('../../src/facts/resolve/index.js');
    const obs = ['2024-07-07', '2024-08-01', '2024-09-06'].map((date, i) => ({ release: 'deepseek-r1', measure: 'lmarena-text', value: 1300 + i, date, source: 'lmarena-2025-01' }));
    const files = renderImport(
      {
        importer: 'lmarena', dataset: { sourceId: 'lmarena-2025-01', title: 't', url: 'https://lmarena.ai', publisher: 'p', license: 'MPL-2.0', snapshot: '2024-09-06' },
        sources: [], releases: [], attributes: [], adoption: [], unmatched: [], orgs: [],
        capability: [...obs, { release: 'mistral-7b-v0.1', measure: 'lmarena-text', value: 1008, date: '2024-07-07', source: 'lmarena-2025-01' }],
        summary: {} as never,
      },
      'aperture import lmarena',
    );
    const series = files.get('imported/capability-series/lmarena.ndjson')!;
    expect(series).toContain('\n{"release":"deepseek-r1","measure":"lmarena-text","source":"lmarena-2025-01","scores":{"2024-07-07":1300,"2024-08-01":1301,"2024-09-06":1302}}\n');
    expect(files.get('imported/capability/lmarena.ndjson')).toContain('"release":"mistral-7b-v0.1"');
    const scratch = await scratchData();
    try {
      await mkdir(path.join(scratch.dataDir, 'imported', 'capability-series'), { recursive: true });
      await writeFile(path.join(scratch.dataDir, 'imported', 'capability-series', 'lmarena.ndjson'), series);
      const { facts, diagnostics } = await loadAndValidate(scratch.dataDir, { today: '2026-11-29' });
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(facts.capability.filter((c) => c.value.release === 'deepseek-r1' && c.origin.file.includes('series')).map((c) => c.value)).toEqual(obs);
    } finally {
      await scratch.cleanup();
    }
  });
});
