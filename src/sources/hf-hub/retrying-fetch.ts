/**
 * A `fetch` for @huggingface/hub's `fetch` option that adds what the library leaves to its
 * caller: a timeout per attempt, and retries with backoff on 429 (honouring Retry-After), 5xx
 * and network errors. The body is read inside the attempt, so a response that stalls or whose
 * connection drops halfway is retried like one that never arrived; the library then parses a
 * complete, buffered body. Responses here are small JSON documents, so buffering costs little.
 */

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
export interface FetchTrace {
  /** Attempts made for the last request. */
  attempts: number;
  /** Status of its last response, undefined when no response arrived. */
  status?: number;
  /** The wait a 429 asked for, when it was longer than the policy allows. */
  retryAfterMs?: number;
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;
const NULL_BODY = new Set([101, 204, 205, 304]);
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function retryingFetch(policy: RetryPolicy, trace: FetchTrace, baseFetch: typeof fetch = fetch): typeof fetch {
  const sleep = policy.sleep ?? realSleep;
  const backoff = (attempt: number) => {
    const base = policy.baseDelayMs * 2 ** (attempt - 1);
    return Math.round(base + Math.random() * base * 0.25);
  };
  return async (input, init) => {
    trace.attempts = 0;
    trace.status = undefined;
    trace.retryAfterMs = undefined;
    for (let attempt = 1; ; attempt++) {
      trace.attempts = attempt;
      let wait: number;
      try {
        const signal = AbortSignal.timeout(policy.timeoutMs);
        const res = await baseFetch(input, { ...init, signal });
        const body = NULL_BODY.has(res.status) ? null : await res.arrayBuffer();
        trace.status = res.status;
        const buffered = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
        if (!RETRYABLE(res.status) || attempt >= policy.attempts) return buffered;
        const asked = res.status === 429 ? retryAfterMs(res.headers.get('retry-after')) : undefined;
        if (asked !== undefined && asked > policy.maxRetryAfterMs) {
          trace.retryAfterMs = asked;
          return buffered;
        }
        wait = asked ?? backoff(attempt);
      } catch (error) {
        trace.status = undefined;
        if (attempt >= policy.attempts) throw error;
        wait = backoff(attempt);
      }
      await sleep(wait);
    }
  };
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
