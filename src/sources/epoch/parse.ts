import type { AccessChannel, ComponentStatus, DateKind, UpstreamOrg, UpstreamRelease } from '../../domain/index.js';
import { beforeFloor, hubReposIn, partialDate, typeFromName } from '../text.js';
import { splitCountries } from './countries.js';
import { licensePhrases } from './license-phrases.js';

type Row = Record<string, string>;

/**
 * Epoch's "Publication date" is the model's first public record, a paper or an announcement,
 * whichever came first; not necessarily when the weights or the API became available.
 */
export const EPOCH_DATE_KIND: DateKind = 'publication';
type Modality = NonNullable<UpstreamRelease['modalities']>[number];

/** Epoch's "Model accessibility" labels as access channels; empty means nobody recorded it. */
const ACCESS: Record<string, AccessChannel[]> = {
  'Open weights (unrestricted)': ['open-weights'],
  'Open weights (restricted use)': ['open-weights'],
  'Open weights (non-commercial)': ['open-weights'],
  'API access': ['api'],
  'Hosted access (no API)': ['hosted-app'],
  Unreleased: ['none'],
};

/** Domains that map to a modality the fact base knows; others (biology, games, robotics) are out of scope. */
const DOMAINS: Record<string, Modality[]> = {
  Language: ['text'],
  Mathematics: ['text'],
  Medicine: ['text'],
  Search: ['text'],
  Multimodal: ['text', 'image'],
  Vision: ['image'],
  'Image generation': ['image'],
  '3D modeling': ['image'],
  Video: ['video'],
  Speech: ['audio'],
  Audio: ['audio'],
};

/**
 * What the accessibility labels say about two components. Open weights "restricted use" and
 * "non-commercial" are public under use restrictions (`restricted`); API, hosted and unreleased
 * models publish no weights (`closed`).
 */
const WEIGHTS: Record<string, ComponentStatus> = {
  'Open weights (unrestricted)': 'open',
  'Open weights (restricted use)': 'restricted',
  'Open weights (non-commercial)': 'restricted',
  'API access': 'closed',
  'Hosted access (no API)': 'closed',
  Unreleased: 'closed',
};
const TRAINING_CODE: Record<string, ComponentStatus> = {
  'Open source': 'open',
  'Open (restricted use)': 'restricted',
  'Open (non-commercial)': 'restricted',
  Unreleased: 'closed',
};

const KINDS: Record<string, UpstreamOrg['kind']> = {
  Industry: 'company',
  Academia: 'academic',
  'Research collective': 'community',
  Government: 'government',
  'Non-profit': 'non-profit',
};

export const splitList = (field: string | undefined) => (field ?? '').split(',').map((s) => s.trim().replace(/^["']+|["']+$/g, '')).filter(Boolean);

export interface EpochParse {
  releases: UpstreamRelease[];
  orgs: UpstreamOrg[];
  skipped: Record<string, number>;
}

export function parseEpochRows(rows: Row[]): EpochParse {
  const skipped: Record<string, number> = {};
  const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);
  const releases: UpstreamRelease[] = [];
  for (const row of rows) {
    const name = row['Model']?.trim();
    const date = partialDate(row['Publication date']);
    if (!name) {
      skip('no model name');
      continue;
    }
    if (beforeFloor(date)) {
      skip('published before 2012');
      continue;
    }
    const modalities = [...new Set(splitList(row['Domain']).flatMap((d) => DOMAINS[d] ?? []))];
    if (modalities.length === 0) {
      skip('domain outside the covered modalities');
      continue;
    }
    const access = ACCESS[row['Model accessibility']?.trim() ?? ''];
    const notes = row['Accessibility notes'] ?? '';
    const params = Number(row['Parameters']);
    const orgNames = splitList(row['Organization']);
    const weights = WEIGHTS[row['Model accessibility']?.trim() ?? ''];
    const trainingCode = TRAINING_CODE[row['Training code accessibility']?.trim() ?? ''];
    const repos = access?.includes('open-weights') ? hubReposIn(notes) : [];
    releases.push({
      name,
      orgNames,
      date,
      params: Number.isFinite(params) && params > 0 ? { total: Math.round(params) } : undefined,
      access,
      license: licenseLine(notes),
      licenseCandidates: licensePhrases(notes),
      hfRepos: repos,
      modalities: modalities.includes('text') && /code/i.test(row['Task'] ?? '') && modalities.length === 1 ? ['text', 'code'] : modalities,
      type: typeFromName(name),
      url: firstUrl(row['Link']),
      ...(row['Base model']?.trim() ? { baseModel: { name: row['Base model'].trim() } } : {}),
      components: {
        ...(weights ? { 'model-parameters-final': { status: weights, ...(repos[0] ? { url: `https://huggingface.co/${repos[0]}` } : {}) } } : {}),
        ...(trainingCode ? { 'training-code': { status: trainingCode } } : {}),
      },
      creates: true,
      incomplete: !date ? 'no publication date' : !access ? 'no model accessibility' : orgNames.length === 0 ? 'no organization' : undefined,
    });
  }
  return { releases, orgs: epochOrgs(rows), skipped };
}

/** The first line of the accessibility notes when it is a short license name ("Apache 2.0"), never prose. */
function licenseLine(notes: string): string | undefined {
  const first = notes.split('\n')[0]?.trim();
  return first && first.length <= 40 && !/^https?:/.test(first) ? first : undefined;
}

function firstUrl(field: string | undefined): string | undefined {
  const m = /https?:\/\/[^\s,]+/.exec(field ?? '');
  return m ? m[0] : undefined;
}

/**
 * Countries per organization. A row with one organization gives that organization's countries
 * (several for multinationals). A row with several joins every co-developer's countries with no
 * way to tell whose is whose (one organization may list several), so it gives none: an
 * organization only ever seen as a co-developer gets no country rather than a guessed one.
 */
function epochOrgs(rows: Row[]): UpstreamOrg[] {
  const countries = new Map<string, string[]>();
  const kinds = new Map<string, UpstreamOrg['kind']>();
  for (const row of rows) {
    const orgs = splitList(row['Organization']);
    const cats = splitList(row['Organization categorization']);
    orgs.forEach((o, i) => {
      const kind = KINDS[cats[i] ?? ''];
      if (kind && cats.length === orgs.length && !kinds.has(o)) kinds.set(o, kind);
    });
    if (orgs.length !== 1) continue;
    const codes = splitCountries(row['Country (of organization)'] ?? '');
    if (codes.length && !countries.has(orgs[0]!)) countries.set(orgs[0]!, codes);
  }
  return [...countries].map(([name, codes]) => ({ name, countries: codes, kind: kinds.get(name) }));
}
