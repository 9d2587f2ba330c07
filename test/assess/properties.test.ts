import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessRelease } from '../../src/assess/index.js';
import type { Assessment } from '../../src/assess/index.js';
import { ACCESS_CHANNELS, COMPONENTS, COMPONENT_IDS, COMPONENT_STATUSES } from '../../src/domain/index.js';
import type { ComponentId, ContentType, Release } from '../../src/domain/index.js';
import { ALL_OPEN, LICENSES, REGISTRY, release } from './fixtures.js';
import type { Components } from './fixtures.js';

const LICENSE_CHOICES = [
  'Apache-2.0',
  'MIT',
  'CC-BY-4.0',
  'CDLA-Permissive-2.0',
  'ODC-By-1.0',
  'CC-BY-NC-4.0',
  'LicenseRef-llama-3.1',
  'LicenseRef-gemma',
  'LicenseRef-openai-terms',
  'LicenseRef-unregistered',
  'MIT OR LicenseRef-gemma',
  'MIT AND LicenseRef-gemma',
];

const licenseArb = fc.option(fc.constantFrom(...LICENSE_CHOICES), { nil: undefined });

const componentArb = fc.record(
  { status: fc.constantFrom(...COMPONENT_STATUSES), license: licenseArb },
  { requiredKeys: ['status'] },
).map((c) => (c.license === undefined ? { status: c.status } : { status: c.status, license: c.license }));

const componentsArb: fc.Arbitrary<Components> = fc
  .record(Object.fromEntries(COMPONENT_IDS.map((id) => [id, componentArb])) as Record<ComponentId, typeof componentArb>, { requiredKeys: [] })
  .map((c) => c as Components);

const randomReleaseArb: fc.Arbitrary<Release> = fc
  .record({
    components: componentsArb,
    access: fc.uniqueArray(fc.constantFrom(...ACCESS_CHANNELS), { minLength: 1, maxLength: 3 }),
    license: licenseArb,
  })
  .map(({ components, access, license }) => release({ components, access, ...(license ? { license } : {}) }));

// Releases near the top of every rubric, so class and grade boundaries get crossed often.
const nearlyOpenArb: fc.Arbitrary<Release> = fc
  .record({
    changes: fc.array(fc.tuple(fc.constantFrom(...COMPONENT_IDS), componentArb), { maxLength: 3 }),
    license: licenseArb,
  })
  .map(({ changes, license }) =>
    release({ components: { ...ALL_OPEN, ...Object.fromEntries(changes) }, access: ['open-weights'], license: license ?? 'Apache-2.0' }),
  );

const releaseArb = fc.oneof(randomReleaseArb, nearlyOpenArb);

const assess = (r: Release): Assessment => assessRelease(r, { licenses: REGISTRY });

/** Releasing a component openly: status open under the open license suited to its content. */
const OPEN_LICENSE: Record<ContentType, string> = { code: 'MIT', data: 'CDLA-Permissive-2.0', document: 'CC-BY-4.0' };
function openComponent(r: Release, id: ComponentId): Release {
  const type = COMPONENTS.find((c) => c.id === id)?.contentType ?? 'code';
  return { ...r, components: { ...r.components, [id]: { status: 'open', license: OPEN_LICENSE[type] } } };
}

function withoutComponent(r: Release, id: ComponentId): Release {
  const { [id]: _, ...rest } = r.components;
  return { ...r, components: rest };
}

// Higher is more open. MOF Class I is the most open class; no class is the least.
const mofRank = (c: 1 | 2 | 3 | null) => (c === null ? 0 : 4 - c);
const gradeRank = { unknown: 0, closed: 0, partial: 1, open: 2 } as const;
const verdictRank = { fail: 0, unknown: 0, pass: 1 } as const;
const axis = (v: number | null) => (v === null ? -1 : v);

const RUNS = { numRuns: 300 };

describe('properties: opening a component never lowers a class or grade', () => {
  it('never lowers the MOF class or any class completeness', () => {
    fc.assert(
      fc.property(releaseArb, fc.constantFrom(...COMPONENT_IDS), (r, id) => {
        const before = assess(r).mof;
        const after = assess(openComponent(r, id)).mof;
        expect(mofRank(after.class)).toBeGreaterThanOrEqual(mofRank(before.class));
        after.classes.forEach((c, i) => expect(c.completeness).toBeGreaterThanOrEqual(before.classes[i]?.completeness ?? 0));
      }),
      RUNS,
    );
  });

  it('never lowers an OSAI grade or the OSAI score', () => {
    fc.assert(
      fc.property(releaseArb, fc.constantFrom(...COMPONENT_IDS), (r, id) => {
        const before = assess(r).osai;
        const after = assess(openComponent(r, id)).osai;
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        after.params.forEach((p, i) => expect(gradeRank[p.grade]).toBeGreaterThanOrEqual(gradeRank[before.params[i]?.grade ?? 'unknown']));
      }),
      RUNS,
    );
  });

  it('never turns an OSAID pass into a failure', () => {
    fc.assert(
      fc.property(releaseArb, fc.constantFrom(...COMPONENT_IDS), (r, id) => {
        const before = assess(r).osaid;
        const after = assess(openComponent(r, id)).osaid;
        expect(verdictRank[after.verdict]).toBeGreaterThanOrEqual(verdictRank[before.verdict]);
        expect(after.missing.length).toBeLessThanOrEqual(before.missing.length);
      }),
      RUNS,
    );
  });

  it('never lowers an axis of the openness profile', () => {
    fc.assert(
      fc.property(releaseArb, fc.constantFrom(...COMPONENT_IDS), (r, id) => {
        const before = assess(r).profile;
        const after = assess(openComponent(r, id)).profile;
        for (const k of ['weights', 'code', 'data', 'documentation', 'licenseFreedom'] as const) {
          expect(axis(after[k].value)).toBeGreaterThanOrEqual(axis(before[k].value));
        }
      }),
      RUNS,
    );
  });
});

describe('properties: a more open status never lowers a grade', () => {
  // From least to most open, for a component whose status is stated.
  const LADDER = ['closed', 'documented-only', 'restricted', 'gated', 'open'] as const;

  // Under an open license. Releasing a component under non-open terms may rightly lower the OSAI
  // licenses grade ("is the project fully covered by open licenses?"), so that case is excluded.
  it('never lowers any rubric when a component under an open license moves up the ladder', () => {
    fc.assert(
      fc.property(releaseArb, fc.constantFrom(...COMPONENT_IDS), fc.nat(3), fc.integer({ min: 1, max: 4 }), (r, id, from, step) => {
        const to = Math.min(from + step, LADDER.length - 1);
        const type = COMPONENTS.find((c) => c.id === id)?.contentType ?? 'code';
        const at = (status: (typeof LADDER)[number]): Release => ({ ...r, components: { ...r.components, [id]: { status, license: OPEN_LICENSE[type] } } });
        const lower = assess(at(LADDER[from]!));
        const higher = assess(at(LADDER[to]!));
        expect(mofRank(higher.mof.class)).toBeGreaterThanOrEqual(mofRank(lower.mof.class));
        expect(higher.osai.score).toBeGreaterThanOrEqual(lower.osai.score);
        expect(verdictRank[higher.osaid.verdict]).toBeGreaterThanOrEqual(verdictRank[lower.osaid.verdict]);
        for (const k of ['weights', 'code', 'data', 'documentation', 'licenseFreedom'] as const) {
          expect(axis(higher.profile[k].value)).toBeGreaterThanOrEqual(axis(lower.profile[k].value));
        }
      }),
      RUNS,
    );
  });
});

describe('properties: unknown never counts as open', () => {
  it('never satisfies a MOF requirement with an unknown component, and calls it unknown, not closed', () => {
    fc.assert(
      fc.property(releaseArb, fc.constantFrom(...COMPONENT_IDS.filter((id) => id !== 'model-parameters-final')), (r, id) => {
        const check = assess(withoutComponent(r, id)).mof.components.find((c) => c.id === id);
        expect(check?.satisfied).toBe(false);
        expect(check?.outcome).toBe('unknown');
        expect(check?.reason.endsWith(' unknown')).toBe(true);
      }),
      RUNS,
    );
  });

  it('never rates a release higher with a component unknown than with it openly released', () => {
    fc.assert(
      fc.property(releaseArb, fc.constantFrom(...COMPONENT_IDS), (r, id) => {
        const unknown = assess(withoutComponent(r, id));
        const open = assess(openComponent(r, id));
        expect(mofRank(unknown.mof.class)).toBeLessThanOrEqual(mofRank(open.mof.class));
        expect(unknown.osai.score).toBeLessThanOrEqual(open.osai.score);
        expect(verdictRank[unknown.osaid.verdict]).toBeLessThanOrEqual(verdictRank[open.osaid.verdict]);
      }),
      RUNS,
    );
  });

  it('never passes OSAID or reaches a MOF class when every component is unknown', () => {
    fc.assert(
      fc.property(releaseArb, (r) => {
        const a = assess({ ...r, components: {} });
        expect(a.mof.class).toBeNull();
        expect(a.osaid.pass).toBe(false);
        expect(a.osai.params.filter((p) => p.grade === 'open').map((p) => p.param)).toEqual(
          expect.not.arrayContaining(['modelcard', 'datasheet', 'preprint', 'paper', 'trainingcode', 'datasources_endmodel']),
        );
      }),
      RUNS,
    );
  });
});

describe('properties: results are deterministic and consistent', () => {
  it('gives identical results across runs and for a copied release', () => {
    fc.assert(
      fc.property(releaseArb, (r) => {
        const first = JSON.stringify(assess(r));
        expect(JSON.stringify(assess(structuredClone(r)))).toBe(first);
        expect(JSON.stringify(assess(r))).toBe(first);
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of the license registry', () => {
    const reversed = new Map([...LICENSES].reverse().map((l) => [l.id, l]));
    fc.assert(
      fc.property(releaseArb, (r) => {
        expect(JSON.stringify(assessRelease(r, { licenses: reversed }))).toBe(JSON.stringify(assess(r)));
      }),
      { numRuns: 100 },
    );
  });

  it('reaches a MOF class only when every less demanding class is reached too', () => {
    fc.assert(
      fc.property(releaseArb, (r) => {
        const [iii, ii, i] = assess(r).mof.classes;
        if (i?.reached) expect(ii?.reached).toBe(true);
        if (ii?.reached) expect(iii?.reached).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps every score within its range and every rubric explained', () => {
    fc.assert(
      fc.property(releaseArb, (r) => {
        const a = assess(r);
        expect(a.osai.score).toBeGreaterThanOrEqual(0);
        expect(a.osai.score).toBeLessThanOrEqual(a.osai.maxScore);
        expect(a.osai.maxScore).toBeLessThanOrEqual(1);
        for (const c of a.mof.classes) expect(c.completeness).toBeLessThanOrEqual(100);
        for (const part of [a.license, a.mof, a.osai, a.osaid, a.access, a.profile]) {
          expect(part.summary.length).toBeGreaterThan(0);
          expect(part.reasons.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });
});
