import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ANALYTICS_DATA } from './fixture.js';

/**
 * Access and license history, applied as of a date: the analytics fixture plus a lab group
 * (Alphabet over Google DeepMind), a release whose weights came out after its API launch and
 * one whose license was tightened, an endpoint alias, and a claim naming the group.
 */
let root: string;
let q: (...args: string[]) => ReturnType<typeof cli>;

const FAMILY = `family:
  id: history-fixture
  name: History fixture
  org: mistral
  sources: [card-mistral]
releases:
  - id: late-open-7b
    name: Late Open 7B
    date: 2025-02-10
    type: instruct
    access: [open-weights, api]
    license: Apache-2.0
    history:
      - { date: 2025-04-20, access: { from: [api], to: [open-weights, api] }, license: { from: unknown, to: Apache-2.0 }, source: card-mistral }
    sources: [card-mistral]
  - id: tightened-3b
    name: Tightened 3B
    date: 2025-01-15
    type: base
    access: [open-weights]
    license: LicenseRef-research-nc
    history:
      - { date: 2025-06, license: { from: Apache-2.0, to: LicenseRef-research-nc }, source: card-mistral }
    sources: [card-mistral]
  - id: late-open-7b-latest
    name: Late Open 7B (latest)
    date: 2025-02-10
    type: instruct
    access: [api]
    endpoint_of: late-open-7b
    sources: [card-mistral]
`;

/** A lab whose only release was hosted first, its base checkpoint's weights published months later (as Grok-1). */
const LATE_LAB = `family:
  id: late-lab-base
  name: Late Lab Base
  org: late-lab
  sources: [card-mistral]
releases:
  - id: late-lab-base-300b
    name: Late Lab Base 300B
    date: 2023-11
    type: base
    access: [open-weights]
    license: Apache-2.0
    history:
      - { date: 2024-03-17, access: { from: [none], to: [open-weights] }, license: { from: unknown, to: Apache-2.0 }, source: card-mistral }
    sources: [card-mistral]
`;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'aperture-history-'));
  const data = path.join(root, 'data');
  await cp(ANALYTICS_DATA, data, { recursive: true });
  await writeFile(path.join(data, 'releases', 'mistral', 'history-fixture.yaml'), FAMILY);
  await writeFile(path.join(data, 'orgs', 'alphabet.yaml'), 'id: alphabet\nname: Alphabet\nkind: company\ncountry: US\nsources: [about]\n');
  await writeFile(path.join(data, 'observations', 'capability', 'history.yaml'), '- { release: tightened-3b, measure: lmarena-text, value: 1500, date: 2025-01-20, source: card-mistral }\n');
  await writeFile(path.join(data, 'orgs', 'late-lab.yaml'), 'id: late-lab\nname: Late Lab\nkind: company\ncountry: US\nsources: [about]\n');
  await mkdir(path.join(data, 'releases', 'late-lab'));
  await writeFile(path.join(data, 'releases', 'late-lab', 'late-lab-base.yaml'), LATE_LAB);
  const gdm = path.join(data, 'orgs', 'google-deepmind.yaml');
  await writeFile(gdm, 'id: google-deepmind\nname: Google DeepMind\nkind: company\ncountry: GB\nother_countries: [US]\nparent: alphabet\nparent_source: about\nhf_namespaces: [google]\nsources: [about]\n');
  q = (...args: string[]) => cli('--data', data, '--db', path.join(root, 'db.duckdb'), ...args);
  const built = await q('build');
  if (built.code !== 0) throw new Error(built.stderr);
});
afterAll(() => rm(root, { recursive: true, force: true }));

type Trend = { rows: { group: string; period: string; releases: number; open_weights: number }[] };
const mistral2025 = async (asOf: string) => (await q('trends', '--org', 'mistral', '--as-of', asOf, '--json')).json<Trend>().rows.find((r) => r.period === '2025')!;
type Sig = { signals: { org: string; kind: string; date: string; releases: { id: string; access: string; license: string | null }[] }[] };

describe('a release that opened later', () => {
  it('has no downloadable weights before the change and has them after', async () => {
    const before = await mistral2025('2025-03-01');
    const after = await mistral2025('2025-05-01');
    expect(after.releases).toBe(before.releases);
    expect(after.open_weights).toBe(before.open_weights + 1);
  });
  it('is a weights-opened advance signal dated by the change, with its source', async () => {
    const s = (await q('signals', '--org', 'mistral', '--as-of', '2025-12-31', '--json')).json<Sig>();
    const opened = s.signals.find((x) => x.kind === 'weights-opened');
    expect(opened?.date).toBe('2025-04-20');
    expect(opened?.releases.map((r) => r.access)).toEqual(['api', 'open-weights']);
    const early = (await q('signals', '--org', 'mistral', '--as-of', '2025-04-19', '--json')).json<Sig>();
    expect(early.signals.map((x) => x.kind)).not.toContain('weights-opened');
  });
});

describe('a lab whose first weights opened after the release date', () => {
  it('has its first-open-release signal on the day the weights opened, not the release day', async () => {
    const s = (await q('signals', '--org', 'late-lab', '--as-of', '2024-12-31', '--json')).json<Sig>();
    expect(s.signals.filter((x) => x.kind === 'first-open-release').map((x) => x.date)).toEqual(['2024-03-17']);
    const before = (await q('signals', '--org', 'late-lab', '--as-of', '2024-01-31', '--json')).json<Sig>();
    expect(before.signals.map((x) => x.kind)).not.toContain('first-open-release');
  });
});

describe('a release whose license tightened', () => {
  it('keeps its first license until the change is known (a month-dated change counts from the month end)', async () => {
    const choose = async (asOf: string) =>
      (await q('choose', '--as-of', asOf, '--json')).json<{ candidates: { id: string; license: string | null }[] }>().candidates.find((c) => c.id === 'tightened-3b')?.license;
    expect(await choose('2025-06-15')).toBe('Apache-2.0');
    expect(await choose('2025-07-01')).toBe('LicenseRef-research-nc');
  });
  it('is a license-tightened retreat signal', async () => {
    const s = (await q('signals', '--org', 'mistral', '--as-of', '2025-12-31', '--json')).json<Sig>();
    const t = s.signals.find((x) => x.kind === 'license-tightened' && x.releases[0]?.id === 'tightened-3b');
    expect(t?.releases.map((r) => r.license)).toEqual(['Apache-2.0', 'LicenseRef-research-nc']);
  });
});

describe('endpoint aliases and groups', () => {
  it('an endpoint alias is not counted as a release', async () => {
    const r = await mistral2025('2025-12-31');
    const releases = (await q('releases', '--org', 'mistral', '--json')).json<{ id: string; date: string }[]>();
    expect(releases.some((x) => x.id === 'late-open-7b-latest')).toBe(true);
    const listed2025 = releases.filter((x) => x.date.startsWith('2025') && x.id !== 'late-open-7b-latest').length;
    expect(r.releases).toBe(listed2025);
  });
  it('trends --rollup counts Google DeepMind under Alphabet', async () => {
    const plain = (await q('trends', '--as-of', '2025-12-04', '--json')).json<Trend>().rows;
    const rolled = (await q('trends', '--rollup', '--as-of', '2025-12-04', '--json')).json<Trend>().rows;
    const sum = (rows: Trend['rows'], g: string) => rows.filter((r) => r.group === g).reduce((n, r) => n + r.releases, 0);
    expect(sum(rolled, 'google-deepmind')).toBe(0);
    expect(sum(rolled, 'alphabet')).toBe(sum(plain, 'google-deepmind'));
  });
  it('best-open country shares of the top N sum to 1 with a two-country lab', async () => {
    const b = (await q('best-open', '--top', '10', '--as-of', '2026-11-29', '--json')).json<{ ranking: { countries: string[] }[]; shares: { share: number }[] }>();
    expect(b.ranking.some((r) => r.countries.length > 1)).toBe(true);
    expect(b.shares.reduce((n, s) => n + s.share, 0)).toBeCloseTo(1, 3);
  });
  it('signals --rollup --org google-deepmind are the group\'s', async () => {
    const s = (await q('signals', '--rollup', '--org', 'google-deepmind', '--as-of', '2026-11-29', '--json')).json<Sig>();
    expect(s.signals.length).toBeGreaterThan(0);
    expect(new Set(s.signals.map((x) => x.org))).toEqual(new Set(['alphabet']));
  });
});
