import { fetchRepo, type HubClientOptions } from './client.js';
import { mapLimit } from './pool.js';
import type { RepoResult } from './results.js';

export { DEFAULT_HUB_URL, DEFAULT_MAX_LISTED, fetchRepo, countDerivatives, type HubClientOptions } from './client.js';
export { DERIVATIVE_KINDS, hintFor, type DerivativeKind, type HubError, type RepoResult } from './results.js';
export { toObservations } from './observations.js';
export { HUB_SOURCES_FILE, hubApiSource, hubDayFile, hubSourceId } from './source.js';
export { mergeSourcesFile, renderDayFile } from './render.js';

export interface RefreshOptions extends HubClientOptions {
  /** Repos read at the same time (each with its own derivative listings, one after another). */
  concurrency: number;
  /** Called as each repo finishes, for a progress bar. */
  onResult?: (result: RepoResult, done: number, total: number) => void;
}

/** Reads every repo's figures from the Hub, a few at a time; results in the order of `repos`. */
export async function refreshHub(repos: readonly string[], opts: RefreshOptions): Promise<RepoResult[]> {
  let done = 0;
  return mapLimit(repos, opts.concurrency, async (repo) => {
    const result = await fetchRepo(repo, opts);
    opts.onResult?.(result, ++done, repos.length);
    return result;
  });
}
