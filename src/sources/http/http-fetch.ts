import { BudgetExhausted, type RequestBudget } from './budget.js';
import type { FetchLog } from './fetch-log.js';
import type { ResponseCache } from './response-cache.js';
import { retryAfterMs } from './retry-after.js';

/**
 * The one fetch layer every connector uses (the Hub client, `aperture ingest`): a timeout per
 * attempt covering headers and body, retries with exponential backoff and jitter on 5xx and
 * network errors (resets, timeouts), 429 honouring Retry-After (backoff when it is absent), a
 * request budget shared by a run, conditional requests and a response cache, and a log.
 * Bodies are read inside the attempt, so a response whose connection drops halfway is retried
 * like one that never arrived and callers always get a complete, buffered body.
 */
export interface HttpPolicy {
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
  budget?: RequestBudget;
  /** GET responses kept here are revalidated with If-None-Match / If-Modified-Since. */
  cache?: ResponseCache;
  log?: FetchLog;
}

/** What happened to the last request made through the fetch: read back to describe a failure. */
export interface FetchTrace {
  /** Attempts made for the last request. */
  attempts: number;
  /** Status of its last response, undefined when no response arrived. */
  status?: number;
  /** The wait a 429 asked for, when it was longer than the policy allows. */
  retryAfterMs?: number;
  /** True when the body came from the cache after a 304. */
  fromCache?: boolean;
  /** The URL the last response came from, after redirects (a release download names its tag). */
  url?: string;
}

export const DEFAULT_HTTP: Omit<HttpPolicy, 'timeoutMs'> = { attempts: 4, baseDelayMs: 500, maxRetryAfterMs: 60_000 };

const RETRYABLE = (status: number) => status === 429 || status >= 500;
const NULL_BODY = new Set([101, 204, 205, 304]);
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const urlOf = (input: Parameters<typeof fetch>[0]) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

export function httpFetch(policy: HttpPolicy, trace: FetchTrace = { attempts: 0 }, baseFetch: typeof fetch = fetch): typeof fetch {
  const sleep = policy.sleep ?? realSleep;
  const backoff = (attempt: number) => {
    const base = policy.baseDelayMs * 2 ** (attempt - 1);
    return Math.round(base + Math.random() * base * 0.25);
  };
  return async (input, init) => {
    const url = urlOf(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const cached = method === 'GET' && policy.cache ? await policy.cache.get(url) : undefined;
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (cached?.etag) headers.set('if-none-match', cached.etag);
    if (cached?.lastModified) headers.set('if-modified-since', cached.lastModified);
    trace.attempts = 0;
    trace.status = undefined;
    trace.retryAfterMs = undefined;
    trace.fromCache = false;
    for (let attempt = 1; ; attempt++) {
      if (policy.budget && !policy.budget.take()) {
        policy.log?.done?.(url, 'request budget spent');
        throw new BudgetExhausted(policy.budget.limit);
      }
      trace.attempts = attempt;
      policy.log?.attempt?.(url, attempt);
      let wait: number;
      let reason: string;
      try {
        const signal = AbortSignal.timeout(policy.timeoutMs);
        const res = await baseFetch(input, { ...init, headers, signal });
        const body = NULL_BODY.has(res.status) ? null : Buffer.from(await res.arrayBuffer());
        trace.status = res.status;
        trace.url = res.url || url;
        if (res.status === 304 && cached) {
          trace.fromCache = true;
          await policy.cache!.put({ ...cached, fetched: new Date().toISOString() });
          policy.log?.done?.(url, '304 not modified (cached body)');
          return new Response(new Uint8Array(cached.body), { status: 200, headers: { 'content-type': cached.contentType ?? 'application/octet-stream', 'x-aperture-cache': 'revalidated' } });
        }
        const buffered = new Response(body === null ? null : new Uint8Array(body), { status: res.status, statusText: res.statusText, headers: res.headers });
        if (!RETRYABLE(res.status) || attempt >= policy.attempts) {
          if (res.ok && body && policy.cache && method === 'GET' && (res.headers.get('etag') || res.headers.get('last-modified'))) {
            await policy.cache.put({ url, status: res.status, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified'), contentType: res.headers.get('content-type'), fetched: new Date().toISOString(), body });
          }
          policy.log?.done?.(url, String(res.status));
          return buffered;
        }
        const asked = res.status === 429 ? retryAfterMs(res.headers.get('retry-after')) : undefined;
        if (asked !== undefined && asked > policy.maxRetryAfterMs) {
          trace.retryAfterMs = asked;
          policy.log?.done?.(url, `429, asked to wait ${asked} ms`);
          return buffered;
        }
        wait = asked ?? backoff(attempt);
        reason = `status ${res.status}`;
      } catch (error) {
        trace.status = undefined;
        if (error instanceof BudgetExhausted) throw error;
        if (attempt >= policy.attempts) {
          policy.log?.done?.(url, error instanceof Error ? error.message : String(error));
          throw error;
        }
        wait = backoff(attempt);
        reason = error instanceof Error ? (error.name === 'TimeoutError' ? `no complete answer within ${policy.timeoutMs} ms` : error.message) : String(error);
      }
      policy.log?.retry?.(url, reason, wait);
      await sleep(wait);
    }
  };
}
