/**
 * The Hub client's `fetch` (for @huggingface/hub's `fetch` option): the shared fetch layer in
 * ../http with the Hub's policy. These names stay as they were for the code that imports them;
 * the behaviour (timeouts, retries, Retry-After, buffered bodies) lives in http/http-fetch.ts.
 */
import { httpFetch, type FetchTrace as HttpTrace, type HttpPolicy } from '../http/http-fetch.js';

export { retryAfterMs } from '../http/retry-after.js';

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  attempts: number;
  /** Limit on one attempt, headers and body together. */
  timeoutMs: number;
  /** First backoff delay; doubled on each retry, plus up to 25% jitter. */
  baseDelayMs: number;
  /** A Retry-After longer than this ends the retries: waiting would stall the whole run. */
  maxRetryAfterMs: number;
  /** Injected so tests can record the delays asked for instead of waiting them out. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: Omit<RetryPolicy, 'timeoutMs'> = { attempts: 4, baseDelayMs: 500, maxRetryAfterMs: 60_000 };

/** What happened to the last request made through the fetch: read back to describe a failure. */
export type FetchTrace = HttpTrace;

export function retryingFetch(policy: RetryPolicy & Partial<Pick<HttpPolicy, 'budget' | 'cache' | 'log'>>, trace: FetchTrace, baseFetch: typeof fetch = fetch): typeof fetch {
  return httpFetch(policy, trace, baseFetch);
}
