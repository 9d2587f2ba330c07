import { HubApiError } from '@huggingface/hub';
import type { FetchTrace } from './retrying-fetch.js';

/** The four kinds of derived model the Hub lists by a `base_model:<relation>:<repo>` tag. */
export const DERIVATIVE_KINDS = {
  finetunes: 'finetune',
  adapters: 'adapter',
  quantizations: 'quantized',
  merges: 'merge',
} as const;
export type DerivativeKind = keyof typeof DERIVATIVE_KINDS;

/** One repo's figures as the Hub reported them. */
export interface HubFigures {
  /** The Hub's `downloads`: downloads over the last 30 days. */
  downloads30d: number;
  downloadsAllTime?: number;
  likes: number;
  /** The id the Hub answered with, when it differs from the one asked for (a renamed repo). */
  movedTo?: string;
}

export type HubErrorKind = 'not-found' | 'gated' | 'rate-limited' | 'server' | 'http' | 'timeout' | 'network' | 'malformed' | 'not-tried';

/** A failed read, with what a person needs to act on it. */
export interface HubError {
  repo: string;
  /** `model` for the repo's own figures, or the derivative listing that failed. */
  what: 'model' | DerivativeKind;
  kind: HubErrorKind;
  status?: number;
  attempts: number;
  message: string;
}

/** A derivative count that was not recorded: the listing failed, or stopped at the cap. */
export type DerivativeGap =
  | { kind: DerivativeKind; reason: 'truncated'; listed: number }
  | { kind: DerivativeKind; reason: 'error'; error: HubError };

export type RepoResult =
  | { repo: string; ok: true; figures: HubFigures; derivatives: Partial<Record<DerivativeKind, number>>; gaps: DerivativeGap[] }
  | { repo: string; ok: false; error: HubError };

/**
 * Turns whatever the library or the fetch threw into a HubError. The status of the last
 * response decides first: the library's own error reading can fail on an odd error body.
 */
export function classify(repo: string, what: HubError['what'], error: unknown, trace: FetchTrace): HubError {
  const status = error instanceof HubApiError ? error.statusCode : trace.status;
  const base = { repo, what, attempts: trace.attempts, ...(status !== undefined ? { status } : {}) };
  if (status !== undefined && status >= 400) {
    if (status === 404) return { ...base, kind: 'not-found', message: 'no such repo on the Hub' };
    if (status === 401 || status === 403) return { ...base, kind: 'gated', message: 'gated or private: the Hub refused to show it' };
    if (status === 429) {
      const wait = trace.retryAfterMs !== undefined ? `; the Hub asked to wait ${Math.ceil(trace.retryAfterMs / 1000)} s` : '';
      return { ...base, kind: 'rate-limited', message: `rate limited (HTTP 429) after ${trace.attempts} attempt(s)${wait}` };
    }
    if (status >= 500) return { ...base, kind: 'server', message: `server error (HTTP ${status}) after ${trace.attempts} attempt(s)` };
    return { ...base, kind: 'http', message: `unexpected HTTP ${status}` };
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return { ...base, kind: 'timeout', message: `timed out after ${trace.attempts} attempt(s)` };
  if (error instanceof SyntaxError) return { ...base, kind: 'malformed', message: `malformed response: ${error.message}` };
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const message = error instanceof Error ? error.message : String(error);
  // The library iterates a listing page and reads fields; a page that is not a list shows up as a TypeError.
  if (trace.status !== undefined && trace.status < 400 && error instanceof TypeError) return { ...base, kind: 'malformed', message: `malformed response: ${message}` };
  return { ...base, kind: 'network', message: `network error after ${trace.attempts} attempt(s): ${message}${cause}` };
}

/** What to do about a failure, in a few words. */
export function hintFor(e: HubError): string {
  switch (e.kind) {
    case 'not-found':
      return 'check the repo id in the release\'s hf_repos (renamed or deleted?)';
    case 'gated':
      return 'set HF_TOKEN to a token with access, or check the repo id';
    case 'rate-limited':
      return 'wait and run again, with a lower --concurrency or an HF_TOKEN';
    case 'timeout':
      return 'run again, or raise --timeout';
    case 'malformed':
      return 'the Hub (or --hub-url) answered with something unexpected; check the URL and run again';
    case 'not-tried':
      return 'check the network or --hub-url, then run again';
    default:
      return 'check the network and run again';
  }
}
