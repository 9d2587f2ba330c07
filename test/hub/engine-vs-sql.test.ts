import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSynth, LAB_NAMESPACES } from '../../src/hub/synth.js';
import { buildSnapshot } from '../../src/hub/snapshot.js';
import { runBaseline } from '../../src/hub/baseline.js';
import type { Cell } from '../../src/hub/aggregate.js';

const REPOS = 100_000;
// Half the lab namespaces map to organizations (one of them a joint lab), the rest stay unknown.
const ORGS = LAB_NAMESPACES.slice(0, 11).map((ns, i) => ({ id: `org-${i}`, countries: i === 0 ? ['US', 'CN'] : [i % 2 ? 'US' : 'CN'], namespaces: [ns] }));

const key = (c: Cell) => `${c.rule}|${c.key}|${c.month}|${c.relation}`;

describe('buildSnapshot on a generated listing', () => {
  it(`gives the plain-SQL implementation's aggregates to the unit on ${REPOS.toLocaleString('en')} repos`, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aperture-hub-'));
    try {
      const file = path.join(dir, 'listing.ndjson');
      await writeSynth({ repos: REPOS, seed: 7 }, file);
      const families = new Map([['meta-llama/model-0', 'fam-a'], ['qwen/model-3', 'fam-b']]);
      const engine = await buildSnapshot({ files: [file], snapshot: '2026-12-01', orgs: ORGS, families });
      expect(engine.lineage.cycles).toBeGreaterThan(0);
      expect(engine.lineage.missingParents).toBeGreaterThan(0);
      const sql = await runBaseline(file, ORGS, families);
      for (const table of ['country', 'org', 'family'] as const) {
        const theirs = new Map(sql[table].map((c) => [key(c), c]));
        expect(engine.aggregates[table].length, table).toBe(theirs.size);
        for (const c of engine.aggregates[table]) {
          const o = theirs.get(key(c));
          expect(o, `${table} ${key(c)}`).toBeDefined();
          expect(Math.abs(o!.repos - c.repos), `${table} ${key(c)} repos`).toBeLessThan(1e-6);
          expect(Math.abs(o!.downloads30d - c.downloads30d), `${table} ${key(c)} downloads`).toBeLessThan(0.01);
          expect(Math.abs(o!.downloadsAllTime - c.downloadsAllTime), `${table} ${key(c)} all-time`).toBeLessThan(0.01);
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
