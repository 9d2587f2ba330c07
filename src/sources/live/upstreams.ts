import { stageEpochEci, EPOCH_ECI_CSV } from './epoch-eci.js';
import { stageLmarena, LMARENA_TEXT_CSV } from './lmarena.js';
import { stageModelsDev } from './models-dev.js';
import { MOT_API, nextMotPage, stageMot } from './mot.js';
import { OSAI_INDEX_TARBALL, stageOsaiIndex } from './osai-index.js';
import { fail, keep, parseJsonBody, stageCsvTable, type Fetched, type Rejected, type StageOptions, type StageResult } from './stage.js';

/**
 * The live published form of each upstream the importers read, for `aperture ingest`. Each
 * upstream says where its form was established (the comment of its module cites the code
 * read), fetches one URL (or follows a pager), and stages the response into the files its
 * importer reads. Where no live form serves what an importer needs, `unsupported` says why.
 */
export interface LiveUpstream {
  id: string;
  /** The importer run on what was fetched. */
  importer: string;
  /** Published endpoint; undefined when none is known to serve the importer's format. */
  url?: string;
  /** Environment variable that overrides the endpoint (the --url flag overrides both). */
  env: string;
  /** Extension of the raw response as kept (`json` and `csv` are gzip-compressed when kept). */
  raw: 'json' | 'csv' | 'tar.gz';
  /** The next URL of a paginated listing, after `page` (the `fetched`-th response). */
  next?: (url: string, page: Fetched, fetched: number) => string | undefined;
  /** Checks the responses whole and turns them into the importer's files; nothing is written here. */
  stage?: (pages: Fetched[], opts: StageOptions) => StageResult;
  /** Why this upstream cannot be ingested over HTTP today, and what to do instead. */
  unsupported?: string;
}

const isoFromUnix = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000).toISOString().slice(0, 10) : undefined);

/** OpenRouter's GET /api/v1/models: `{ data: [{ id: "owner/model", created, ... }] }`. */
function stageOpenRouter(pages: Fetched[], opts: StageOptions): StageResult {
  const json = parseJsonBody(pages[0]!.body);
  if (!json.ok) return json;
  const data = (json.value as { data?: unknown })?.data;
  if (!Array.isArray(data)) return fail('expected an object with a "data" list, as /api/v1/models returns');
  const rejected: Rejected[] = [];
  const valid: Record<string, unknown>[] = [];
  data.forEach((r, i) => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) return rejected.push({ record: i + 1, reason: 'not an object' });
    const id = (r as Record<string, unknown>).id;
    if (typeof id !== 'string' || !id.includes('/')) return rejected.push({ record: i + 1, reason: `"id" must be a text "owner/model", got ${JSON.stringify(id)}` });
    valid.push(r as Record<string, unknown>);
  });
  // `created` is when OpenRouter listed the model (see sources/openrouter/parse.ts).
  const { kept, filtered, notes } = keep(valid, opts, (r) => isoFromUnix(r.created));
  const file = `openrouter-models-${opts.day}.json`;
  return { ok: true, value: { files: { [file]: JSON.stringify({ ...(json.value as object), data: kept }) }, importPath: file, received: data.length, kept: kept.length, rejected, filtered, notes } };
}

/** An Epoch CSV of models, kept as the importer reads it, rows dated by their publication date. */
const stageEpochCsv = (fileName: (day: string) => string) => (pages: Fetched[], opts: StageOptions): StageResult => {
  const staged = stageCsvTable(pages[0]!.body, opts, { dateOf: (r) => r['Publication date']?.trim() || undefined });
  if (!staged.ok) return staged;
  const { text, ...counts } = staged.value;
  const file = fileName(opts.day);
  return { ok: true, value: { ...counts, files: { [file]: text }, importPath: file } };
};

export const LIVE_UPSTREAMS: readonly LiveUpstream[] = [
  { id: 'openrouter', importer: 'openrouter', url: 'https://openrouter.ai/api/v1/models', env: 'APERTURE_OPENROUTER_URL', raw: 'json', stage: stageOpenRouter },
  { id: 'epoch', importer: 'epoch', env: 'APERTURE_EPOCH_URL', raw: 'csv', stage: stageEpochCsv((day) => `all_ml_systems-${day}.csv`) },
  { id: 'epoch-notable', importer: 'epoch-notable', env: 'APERTURE_EPOCH_NOTABLE_URL', raw: 'csv', stage: stageEpochCsv(() => 'notable_ai_models.csv') },
  // api.json is the provider listings: the lab-level files the `models-dev` importer reads are not in it (see models-dev.ts).
  { id: 'models-dev', importer: 'models-dev-providers', url: 'https://models.dev/api.json', env: 'APERTURE_MODELS_DEV_URL', raw: 'json', stage: stageModelsDev },
  { id: 'lmarena', importer: 'lmarena', url: LMARENA_TEXT_CSV, env: 'APERTURE_LMARENA_URL', raw: 'csv', stage: stageLmarena },
  { id: 'osai-index', importer: 'osai-index', url: OSAI_INDEX_TARBALL, env: 'APERTURE_OSAI_INDEX_URL', raw: 'tar.gz', stage: stageOsaiIndex },
  { id: 'mot', importer: 'mot', url: MOT_API, env: 'APERTURE_MOT_URL', raw: 'json', next: nextMotPage, stage: stageMot },
  { id: 'epoch-eci', importer: 'epoch-eci', url: EPOCH_ECI_CSV, env: 'APERTURE_EPOCH_ECI_URL', raw: 'csv', stage: stageEpochEci },
];

export const liveUpstream = (id: string) => LIVE_UPSTREAMS.find((u) => u.id === id);

/** The endpoint of one ingest: --url, else the environment variable, else the published one. */
export function endpointOf(u: LiveUpstream, flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return flag ?? (env[u.env] || undefined) ?? u.url;
}
