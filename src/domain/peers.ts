import { z } from 'zod';
import { Slug, Url } from './ids.js';
import { COMPONENT_IDS, type ComponentId } from './components.js';
import { SourceSchema } from './source.js';
import { PartialDateSchema } from './dates.js';

/**
 * What peer openness indices say about releases: the European Open Source AI Index (EOSAI,
 * osai-index.eu) grades 12 parameters open / partial / closed with evidence links; the Model
 * Openness Tool (MOT, lfai/model_openness_tool) lists the MOF components of a release with
 * their licenses. Their judgments are observations attributed to them, kept in
 * data/imported/osai-index/ and data/imported/mot/, and never read as our own component facts.
 */

export const PEERS = ['osai-index', 'mot'] as const;
export type Peer = (typeof PEERS)[number];

export const EOSAI_PARAMETERS = [
  'datasources_basemodel',
  'datasources_endmodel',
  'weights_basemodel',
  'weights_endmodel',
  'trainingcode',
  'code',
  'hardware_architecture',
  'preprint',
  'paper',
  'modelcard',
  'datasheet',
  'licenses',
] as const;
export type EosaiParameter = (typeof EOSAI_PARAMETERS)[number];
export const EOSAI_GRADES = ['open', 'partial', 'closed'] as const;
export type EosaiGrade = (typeof EOSAI_GRADES)[number];

/**
 * The MOF component an EOSAI parameter speaks to, and whether it is about the base model. Code
 * documentation, hardware architecture and licenses grade qualities no single component has,
 * so they are kept but never compared with our facts. Preprint and paper follow the rubric in
 * src/assess/osai-index.ts (technical report, research paper).
 */
export const EOSAI_COMPONENT: Record<EosaiParameter, { component: ComponentId; base: boolean } | null> = {
  datasources_basemodel: { component: 'datasets', base: true },
  datasources_endmodel: { component: 'datasets', base: false },
  weights_basemodel: { component: 'model-parameters-final', base: true },
  weights_endmodel: { component: 'model-parameters-final', base: false },
  trainingcode: { component: 'training-code', base: false },
  code: null,
  hardware_architecture: null,
  preprint: { component: 'technical-report', base: false },
  paper: { component: 'research-paper', base: false },
  modelcard: { component: 'model-card', base: false },
  datasheet: { component: 'data-card', base: false },
  licenses: null,
};

/** How an entry was tied to a release, or why it was not (never guessed). */
export const PEER_MATCHES = ['hub-repo', 'alias', 'name'] as const;
export const PEER_UNMATCHED = ['unmatched', 'ambiguous', 'unknown-org'] as const;

const Unmatched = z.strictObject({
  reason: z.enum(PEER_UNMATCHED),
  /** For ambiguous entries: the releases it could be. */
  candidates: z.array(Slug).optional(),
});

/** Fields every peer entry has: where it is in the dataset and which release it is about. */
const entryBase = {
  /** The upstream file, e.g. `Apertus.yaml`. */
  entry: z.string().min(1),
  /** The model's name as the dataset writes it. */
  name: z.string().min(1),
  /** The organization as the dataset writes it. */
  org: z.string().min(1).optional(),
  /** The link the dataset gives for the model. */
  url: Url.optional(),
  release: Slug.optional(),
  via: z.enum(PEER_MATCHES).optional(),
  unmatched: Unmatched.optional(),
};

const Links = z.array(Url);

export const EosaiGradeSchema = z.strictObject({
  grade: z.enum(EOSAI_GRADES),
  links: Links.optional(),
});

export const EosaiEntrySchema = z.strictObject({
  ...entryBase,
  /** National origin as the index writes it in a YAML comment ("United States", "International"). */
  origin: z.string().min(1).optional(),
  /** ISO 3166-1 codes of that origin, when it names a country. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  /** The release of the base model the index names separately, when it matched one. */
  base_release: Slug.optional(),
  /** The end model's license as the index writes it. */
  license: z.string().min(1).optional(),
  /** The release date the index gives (YYYY-MM or YYYY-MM-DD). */
  date: PartialDateSchema.optional(),
  grades: z.partialRecord(z.enum(EOSAI_PARAMETERS), EosaiGradeSchema),
});
export type EosaiEntry = z.infer<typeof EosaiEntrySchema>;

/** Where a MOT component's license comes from: its own entry or the release's license for its content type. */
export const MOT_LICENSE_FROM = ['component', 'code', 'data', 'document', 'distribution'] as const;

export const MotComponentSchema = z.strictObject({
  /** False when MOT says the component is not included; listed components are included otherwise. */
  included: z.boolean().default(true),
  /** The license as a fact-base license id, when the text names one we know. */
  license: z.string().min(1).optional(),
  /** The license text as MOT writes it, when it is not a license id we know (or `unlicensed`). */
  license_text: z.string().min(1).optional(),
  license_from: z.enum(MOT_LICENSE_FROM).optional(),
  url: Url.optional(),
});
export type MotComponent = z.infer<typeof MotComponentSchema>;

export const MotEntrySchema = z.strictObject({
  ...entryBase,
  /** Parameter count or version as MOT writes it ("7B", "Undisclosed"). */
  version: z.string().min(1).optional(),
  /** The release's distribution license (an id we know, else as written). */
  license: z.string().min(1).optional(),
  /** Components MOT lists; components it leaves out are not in the map. */
  components: z.partialRecord(z.enum(COMPONENT_IDS), MotComponentSchema),
});
export type MotEntry = z.infer<typeof MotEntrySchema>;

/** One generated file of a peer index: the dataset as a source, then every entry it has. */
export const EosaiFileSchema = z.strictObject({ dataset: SourceSchema, entries: z.array(EosaiEntrySchema) });
export const MotFileSchema = z.strictObject({ dataset: SourceSchema, entries: z.array(MotEntrySchema) });
export type EosaiFile = z.infer<typeof EosaiFileSchema>;
export type MotFile = z.infer<typeof MotFileSchema>;

export type PeerEntry = ({ peer: 'osai-index' } & EosaiEntry) | ({ peer: 'mot' } & MotEntry);

/**
 * What a peer importer reads, before matching: entries with what the matcher needs (repos,
 * names to try, the organization), in the order the dataset lists them.
 */
export interface PeerUpstreamEntry<E> {
  entry: E;
  /** Hub repo ids naming the model, strongest first. */
  repos: string[];
  /** Names of exactly this model, tried within the organization; a repo link naming another release is not trusted. */
  names: string[];
  /** Looser names (a family name, name plus size), tried only when nothing else matches. */
  fallbackNames?: string[];
  /** For EOSAI: the separately named base model, if any. */
  base?: { repos: string[]; names: string[] };
}

/** What one peer importer read from a snapshot of its dataset. */
export type PeerBatch = {
  dataset: z.infer<typeof SourceSchema>;
  /** Files read but left out (templates, unparsable files), by reason. */
  skipped: Record<string, number>;
} & ({ peer: 'osai-index'; entries: PeerUpstreamEntry<EosaiEntry>[] } | { peer: 'mot'; entries: PeerUpstreamEntry<MotEntry>[] });
