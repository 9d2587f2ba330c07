/**
 * The live published form of each upstream the importers read, for `aperture ingest`. An
 * upstream is ingested only where its live form is what an existing importer reads; where it
 * is not (or we cannot know offline that it is), `unsupported` says why instead of guessing.
 */
export interface LiveUpstream {
  id: string;
  /** The importer run on what was fetched. */
  importer: string;
  /** Published endpoint; undefined when none is known to serve the importer's format. */
  url?: string;
  /** Environment variable that overrides the endpoint (the --url flag overrides both). */
  env: string;
  format: 'json' | 'csv';
  /** The file name the importer expects, given the fetch day. */
  fileName(day: string): string;
  /** The date field --since filters on, and how to read it from a record. */
  since?: (record: Record<string, unknown>) => string | undefined;
  /** Why this upstream cannot be ingested over HTTP today, and what to do instead. */
  unsupported?: string;
}

const isoFromUnix = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000).toISOString().slice(0, 10) : undefined);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export const LIVE_UPSTREAMS: readonly LiveUpstream[] = [
  {
    id: 'openrouter', importer: 'openrouter', url: 'https://openrouter.ai/api/v1/models', env: 'APERTURE_OPENROUTER_URL', format: 'json',
    fileName: (day) => `openrouter-models-${day}.json`,
    // `created` is when OpenRouter listed the model (see sources/openrouter/parse.ts).
    since: (r) => isoFromUnix(r.created),
  },
  {
    id: 'epoch', importer: 'epoch', env: 'APERTURE_EPOCH_URL', format: 'csv',
    fileName: (day) => `all_ml_systems-${day}.csv`,
    since: (r) => text(r['Publication date']),
  },
  {
    id: 'epoch-notable', importer: 'epoch-notable', env: 'APERTURE_EPOCH_NOTABLE_URL', format: 'csv',
    fileName: () => 'notable_ai_models.csv',
    since: (r) => text(r['Publication date']),
  },
  {
    id: 'models-dev', importer: 'models-dev', url: 'https://models.dev/api.json', env: 'APERTURE_MODELS_DEV_URL', format: 'json', fileName: () => 'api.json',
    unsupported: "the models-dev importer reads the repository's lab-level TOML files; api.json is another shape (providers with models) that no importer reads yet: clone github.com/sst/models.dev and run `aperture import models-dev <dir>`",
  },
  {
    id: 'lmarena', importer: 'lmarena', env: 'APERTURE_LMARENA_URL', format: 'json', fileName: (day) => `${day}.json`,
    unsupported: 'the lmarena importer reads a folder of dated leaderboard snapshots; the live leaderboard is published in a form we cannot check offline: download its snapshots and run `aperture import lmarena <dir>`',
  },
  {
    id: 'osai-index', importer: 'osai-index', env: 'APERTURE_OSAI_INDEX_URL', format: 'json', fileName: () => 'projects',
    unsupported: 'the European Open Source AI Index is published as a git repository of project YAML files, not one HTTP resource: clone it and run `aperture import osai-index <dir> --snapshot DATE`',
  },
  {
    id: 'mot', importer: 'mot', env: 'APERTURE_MOT_URL', format: 'json', fileName: () => 'models',
    unsupported: "the mot importer reads the Model Openness Tool repository's models/ folder; the MOT API's response format is not known offline: clone lfai/model_openness_tool and run `aperture import mot <dir>`",
  },
  {
    id: 'epoch-eci', importer: '', env: 'APERTURE_EPOCH_ECI_URL', format: 'csv', fileName: () => 'eci.csv',
    unsupported: "the epoch-eci importer reads a folder holding eci_scores.csv and benchmark_series.json, a mirror's layout, not one published file: download them and run `aperture import epoch-eci <dir>`",
  },
];

export const liveUpstream = (id: string) => LIVE_UPSTREAMS.find((u) => u.id === id);

/** The endpoint of one ingest: --url, else the environment variable, else the published one. */
export function endpointOf(u: LiveUpstream, flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return flag ?? (env[u.env] || undefined) ?? u.url;
}
