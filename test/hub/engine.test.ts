import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixture-data.js';
import { Columns } from '../../src/hub/columns.js';
import { lineage } from '../../src/hub/lineage.js';
import { readNdjson, type ReadStats } from '../../src/hub/read-ndjson.js';
import { RELATIONS } from '../../src/hub/relations.js';
import { buildSnapshot } from '../../src/hub/snapshot.js';
import { runBaseline } from '../../src/hub/baseline.js';
import type { Cell } from '../../src/hub/aggregate.js';
import type { OrgRef } from '../../src/hub/attribution.js';

const LINEAGE = path.join(FIXTURES, 'hub', 'lineage.ndjson');
const ORGS: OrgRef[] = [
  { id: 'meta', countries: ['US'], namespaces: ['meta-llama'] },
  { id: 'deepseek', countries: ['CN'], namespaces: ['deepseek-ai'] },
  { id: 'joint-lab', countries: ['FR', 'DE'], namespaces: ['JointLab'] },
];
const FAMILIES = new Map([['meta-llama/Llama-3.1-8B-Instruct', 'llama-3.1']]);

async function read(file: string) {
  const cols = new Columns();
  const stats: ReadStats = { records: 0, bad: 0, badLines: [] };
  await readNdjson(file, (r) => cols.add(r), stats);
  const l = lineage(cols);
  const roots = (id: string) => {
    const v = cols.repos.ids.get(id)!;
    const s = l.rootSet[v]!;
    return [...l.setItems.subarray(l.setStart[s]!, l.setStart[s + 1]!)].map((r) => cols.repos.names[r]).sort();
  };
  const relation = (id: string) => RELATIONS[l.relation[cols.repos.ids.get(id)!]!];
  return { cols, l, stats, roots, relation };
}

/** Sums cells of one rule by key over months and relations. */
function totals(cells: readonly Cell[], rule: string, field: 'repos' | 'downloads30d' | 'downloadsAllTime' = 'downloads30d') {
  const out: Record<string, number> = {};
  for (const c of cells) if (c.rule === rule) out[c.key] = (out[c.key] ?? 0) + c[field];
  for (const k of Object.keys(out)) out[k] = Math.round(out[k]! * 1000) / 1000;
  return out;
}

describe('lineage(columns)', () => {
  it('follows a four-level chain to its root, with each level\'s relation', async () => {
    const { roots, relation } = await read(LINEAGE);
    for (const id of ['a/ft1', 'b/ft2', 'c/q3']) expect(roots(id)).toEqual(['meta-llama/llama-3.1-8b-instruct']);
    expect(['meta-llama/llama-3.1-8b-instruct', 'a/ft1', 'b/ft2', 'c/q3'].map(relation)).toEqual(['root', 'finetune', 'adapter', 'quantized']);
  });

  it('ignores edges inside a cycle: a member with no other way up is its own root, one with another parent takes that parent\'s root', async () => {
    const { roots, relation, l } = await read(LINEAGE);
    expect(roots('x/c1')).toEqual(['x/c1']);
    expect(relation('x/c1')).toBe('root');
    expect(roots('x/c2')).toEqual(['deepseek-ai/base']);
    expect(l.stats).toMatchObject({ cycles: 1, cycleEdges: 2 });
  });

  it('ends a chain at the last repo in the snapshot when a parent is missing', async () => {
    const { roots, relation, l } = await read(LINEAGE);
    expect(roots('d/m1')).toEqual(['d/m1']);
    expect(relation('d/m1')).toBe('root');
    expect(roots('d/m2')).toEqual(['d/m1']);
    expect(l.stats.missingParents).toBe(1);
  });

  it('gives a merge both roots; a plain tag or cardData.base_model is an unknown relation unless a typed tag names the same parent', async () => {
    const { roots, relation, l } = await read(LINEAGE);
    expect(roots('e/merge')).toEqual(['deepseek-ai/base', 'meta-llama/llama-3.1-8b-instruct']);
    expect(relation('e/merge')).toBe('merge');
    expect(relation('f/plain')).toBe('unknown');
    expect(relation('f/both')).toBe('adapter');
    expect(roots('g/card')).toEqual(['meta-llama/llama-3.1-8b-instruct']);
    expect(relation('g/card')).toBe('unknown');
    // a/ft1's and f/both's two tags each name one parent: 14 declared parents, not 16.
    expect(l.stats).toMatchObject({ edges: 14, roots: 5 });
  });
});

describe('buildSnapshot(listing)', () => {
  it('credits downloads to the roots\' countries, splitting a merge between its roots and a joint lab between its countries', async () => {
    const r = await buildSnapshot({ files: [LINEAGE], snapshot: '2026-12-01', orgs: ORGS, families: FAMILIES });
    expect(totals(r.aggregates.country, 'root')).toEqual({ US: 191, CN: 99, FR: 25, DE: 25, unknown: 15 });
    expect(totals(r.aggregates.country, 'root', 'repos')).toEqual({ US: 5.5, CN: 4.5, FR: 1, DE: 1, unknown: 3 });
    expect(totals(r.aggregates.country, 'uploader')).toEqual({ US: 100, CN: 60, FR: 25, DE: 25, unknown: 145 });
    expect(totals(r.aggregates.org, 'root')).toEqual({ meta: 191, deepseek: 99, 'joint-lab': 50, unknown: 15 });
    expect(totals(r.aggregates.family, 'root')).toEqual({ 'llama-3.1': 191, unknown: 164 });
    const us = r.aggregates.country.filter((c) => c.rule === 'root' && c.key === 'US');
    expect(us.find((c) => c.month === '2024-10' && c.relation === 'merge')?.downloads30d).toBe(25);
    expect(us.find((c) => c.month === '2024-07' && c.relation === 'root')?.downloadsAllTime).toBe(1000);
  });

  it('reports namespaces that map to no organization, with their own and root-credited downloads', async () => {
    const r = await buildSnapshot({ files: [LINEAGE], snapshot: '2026-12-01', orgs: ORGS });
    const d = r.aggregates.unknown.find((u) => u.namespace === 'd');
    expect(d).toEqual({ namespace: 'd', repos: 2, downloads30d: 10, creditedDownloads30d: 10 });
    expect(r.aggregates.unknown.find((u) => u.namespace === 'x')).toEqual({ namespace: 'x', repos: 2, downloads30d: 12, creditedDownloads30d: 5 });
  });

  it('keeps the good lines of a file with bad and torn ones and lists each bad one by line', async () => {
    const r = await buildSnapshot({ files: [path.join(FIXTURES, 'hub', 'invalid.ndjson')], snapshot: '2026-12-01', orgs: ORGS });
    expect(r.repos).toBe(2);
    expect(r.bad).toBe(5);
    expect(r.badLines.map((b) => [b.line, b.message.split(':')[0]])).toEqual([
      [2, 'not valid JSON'], [3, 'id'], [5, 'downloads'], [7, 'tags'], [8, 'torn last line (the file ends mid-record'],
    ]);
    expect(totals(r.aggregates.country, 'root')).toEqual({ US: 109 });
  });

  it('refuses a file in which no line is a listing record', async () => {
    const r = await buildSnapshot({ files: [path.join(FIXTURES, 'hub', 'not-a-listing.ndjson')], snapshot: '2026-12-01', orgs: ORGS });
    expect(r.ok).toBe(false);
    expect(r.fileErrors[0]!.message).toMatch(/no line is a Hub listing record \(line 1: not valid JSON\)/);
  });
});

describe('runBaseline(listing) (the job as plain DuckDB SQL)', () => {
  it('gives the hand-checked figures too, cycle rule included', async () => {
    const b = await runBaseline(LINEAGE, ORGS, FAMILIES);
    expect(totals(b.country, 'root')).toEqual({ US: 191, CN: 99, FR: 25, DE: 25, unknown: 15 });
    expect(totals(b.country, 'uploader')).toEqual({ US: 100, CN: 60, FR: 25, DE: 25, unknown: 145 });
    expect(totals(b.org, 'root', 'repos')).toEqual({ meta: 5.5, deepseek: 4.5, 'joint-lab': 2, unknown: 3 });
    expect(totals(b.family, 'root')).toEqual({ 'llama-3.1': 191, unknown: 164 });
  });
});
