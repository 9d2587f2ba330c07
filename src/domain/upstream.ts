import type { AccessChannel } from './release.js';
import type { DateKind } from './date-kinds.js';
import type { Source } from './source.js';
import type { ComponentId, ComponentStatus } from './components.js';

/**
 * What an importer reads from one upstream dataset, before entity resolution: plain records in
 * the fact base's vocabulary (ISO countries, license ids, access channels, partial dates), each
 * keeping the name and organization spelling the dataset used.
 */
export interface DatasetInfo {
  /** Source id cited by every imported fact, e.g. `epoch-ai-models`. */
  sourceId: string;
  title: string;
  url: string;
  publisher: string;
  license: string;
  /** The snapshot date of the file read (YYYY-MM-DD). */
  snapshot: string;
  /** What the dataset's release dates stand for (its date column's meaning), when it gives dates. */
  dateKind?: DateKind;
}

export interface UpstreamRelease {
  /** The dataset's own name for the model. */
  name: string;
  /** Organization spellings as the dataset writes them, lead developer first. */
  orgNames: string[];
  date?: string;
  /**
   * The date is a stand-in (the day a Hub repo was created), good enough to date a release no
   * other source knows, but not a claim worth weighing against a recorded release date.
   */
  dateIsProxy?: boolean;
  params?: { total?: number; active?: number };
  access?: AccessChannel[];
  license?: string;
  /**
   * Phrases of free text that may each name the weights license (Epoch's accessibility notes),
   * read only when `license` names none: a license is taken when the phrases that match a known
   * license name exactly one between them, never when they name two.
   */
  licenseCandidates?: string[];
  hfRepos: string[];
  modalities?: ('text' | 'image' | 'audio' | 'video' | 'code')[];
  type?: 'base' | 'instruct' | 'reasoning' | 'other';
  /** A per-model link the dataset gives (paper, announcement, model card). */
  url?: string;
  /** The model this one was trained from, as the dataset names it (a Hub repo or a name). */
  baseModel?: { repo?: string; name?: string };
  /** Component statuses the dataset states (Epoch: weights and training code accessibility). */
  components?: Partial<Record<ComponentId, { status: ComponentStatus; url?: string }>>;
  /**
   * Whether the row may create a new release when nothing matches. Catalog rows (OpenRouter,
   * provider listings) only add observations; a dataset of models (Epoch) creates releases.
   */
  creates: boolean;
  /** Left out of the unmatched report when nothing matches (catalog endpoints). */
  quiet?: boolean;
  /** Why the row cannot create a release even if `creates` (missing date, access...). */
  incomplete?: string;
}

/** What a dataset says about an organization: ISO countries (primary first) and kind. */
export interface UpstreamOrg {
  name: string;
  countries: string[];
  kind?: 'company' | 'academic' | 'non-profit' | 'government' | 'community' | 'collaboration';
}

export interface UpstreamScore {
  name: string;
  orgNames: string[];
  hfRepo?: string;
  measure: string;
  value: number;
  /** The interval the dataset gives around the value (Epoch's ECI: 90%), when it gives one. */
  low?: number;
  high?: number;
  date: string;
  /** A per-score source URL, cited instead of the dataset when given. */
  url?: string;
  /** Left out of the unmatched report when no release matches (community fine-tunes on a leaderboard). */
  quiet?: boolean;
}

/** Hub adoption figures for one repo as a dataset read them on a day. */
export interface UpstreamAdoption {
  repo: string;
  /** The dataset's own name for the model, for the unmatched report. */
  name: string;
  /** The day the figures were read (YYYY-MM-DD). */
  date: string;
  downloads30d?: number;
  likes?: number;
  derivatives?: { finetunes?: number; adapters?: number; quantizations?: number; merges?: number };
  /** The page the figures were read from, cited instead of the dataset when given. */
  url?: string;
}

export interface UpstreamBatch {
  dataset: DatasetInfo;
  releases: UpstreamRelease[];
  scores: UpstreamScore[];
  /** Adoption figures (downloads, likes, derivatives) per Hub repo. */
  adoption?: UpstreamAdoption[];
  /** Organizations the dataset describes, so unknown spellings can be added to the org table. */
  orgs: UpstreamOrg[];
  /** Rows read but left out on purpose (before 2012, outside the covered domains), by reason. */
  skipped: Record<string, number>;
  extraSources?: Source[];
}
