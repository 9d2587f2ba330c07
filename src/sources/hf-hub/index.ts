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

/**
 * After this many repos in a row could not reach the Hub at all (network errors or timeouts,
 * each already retried), the rest are not tried: offline, a full refresh would otherwise spend
 * minutes retrying every repo to learn the same thing.
 */
export const UNREACHABLE_STREAK = 8;

/** Reads every repo's figures from the Hub, a few at a time; results in the order of `repos`. */
export async function refreshHub(repos: readonly string[], opts: RefreshOptions): Promise<RepoResult[]> {
  let done = 0;
  let streak = 0;
  let reached = false;
  return mapLimit(repos, opts.concurrency, async (repo) => {
    let result: RepoResult;
    if (!reached && streak >= UNREACHABLE_STREAK) {
      result = { repo, ok: false, error: { repo, what: 'model', kind: 'not-tried', attempts: 0, message: `not tried: the first ${streak} repos could not reach the Hub` } };
    } else {
      result = await fetchRepo(repo, opts);
      if (!result.ok && (result.error.kind === 'network' || result.error.kind === 'timeout')) streak++;
      else reached = true;
    }
    opts.onResult?.(result, ++done, repos.length);
    return result;
  });
}
