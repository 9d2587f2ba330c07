import { listModels, modelInfo } from '@huggingface/hub';
import { z } from 'zod';
import { DEFAULT_RETRY, retryingFetch, type FetchTrace, type RetryPolicy } from './retrying-fetch.js';
import { classify, DERIVATIVE_KINDS, type DerivativeGap, type DerivativeKind, type HubError, type HubFigures, type RepoResult } from './results.js';

export const DEFAULT_HUB_URL = 'https://huggingface.co';

export interface HubClientOptions {
  hubUrl: string;
  /** Sent as a bearer token; the library requires it to start with `hf_`. */
  accessToken?: string;
  timeoutMs: number;
  retry?: Partial<Omit<RetryPolicy, 'timeoutMs'>>;
  /** Also count fine-tunes, adapters, quantizations and merges (four paginated listings per repo). */
  derivatives?: boolean;
  /** A listing longer than this stops, and its count is reported as truncated, never recorded. */
  maxListed?: number;
  /** The underlying fetch (the global one by default). */
  fetch?: typeof fetch;
}

export const DEFAULT_MAX_LISTED = 20_000;

const Count = z.number().int().nonnegative();
/**
 * What we read from modelInfo's answer. The library passes the Hub's JSON through unchecked, so
 * a missing or non-numeric field is caught here rather than written as data.
 */
const InfoSchema = z.object({ name: z.string().min(1), downloads: Count, likes: Count, downloadsAllTime: Count.optional() });

/**
 * The retrying fetch, plus one more retry rule the callers need: a 200 whose JSON body does not
 * parse (a response cut short by a proxy or a reset after the headers) is fetched again, since
 * a second attempt usually gets the whole body; only when every attempt is broken does the
 * library see it and fail as malformed. Kept here, above the shared retry layer.
 */
function jsonRetryingFetch(opts: HubClientOptions, trace: FetchTrace): typeof fetch {
  const policy = { ...DEFAULT_RETRY, ...opts.retry, timeoutMs: opts.timeoutMs };
  const inner = retryingFetch(policy, trace, opts.fetch);
  return async (input, init) => {
    let attempts = 0;
    for (let round = 1; ; round++) {
      const res = await inner(input, init);
      attempts += trace.attempts;
      trace.attempts = attempts;
      if (res.status !== 200 || !/json/.test(res.headers.get('content-type') ?? '') || round >= policy.attempts) return res;
      try {
        JSON.parse(await res.clone().text());
        return res;
      } catch {
        await (policy.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms))))(policy.baseDelayMs * round);
      }
    }
  };
}

/**
 * A listing that asks for the same page twice is going round in a loop (a Hub or proxy
 * repeating its Link cursor): its count would be wrong, so the listing stops as incomplete.
 */
export class RepeatedCursorError extends Error {
  constructor(readonly url: string) {
    super(`the listing repeated a page (${url}), so it cannot be counted completely`);
    this.name = 'RepeatedCursorError';
  }
}

function cursorCheckingFetch(inner: typeof fetch): typeof fetch {
  const seen = new Set<string>();
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (seen.has(url)) throw new RepeatedCursorError(url);
    seen.add(url);
    return inner(input, init);
  };
}

/** Reads one repo's figures (and derivative counts when asked). Never throws: failures are values. */
export async function fetchRepo(repo: string, opts: HubClientOptions): Promise<RepoResult> {
  const trace: FetchTrace = { attempts: 0 };
  const fetch = jsonRetryingFetch(opts, trace);
  const auth = opts.accessToken ? { accessToken: opts.accessToken } : {};
  // The four derivative listings run beside modelInfo, not after it: their timeouts and retries
  // overlap instead of adding up per repo.
  const listings = opts.derivatives ? (Object.keys(DERIVATIVE_KINDS) as DerivativeKind[]).map((kind) => countDerivatives(repo, kind, opts).then((counted) => [kind, counted] as const)) : [];
  let info: unknown;
  try {
    // `downloads` (30 days) and `likes` are always expanded by the library; all-time downloads must be asked for.
    info = await modelInfo({ name: repo, hubUrl: opts.hubUrl, additionalFields: ['downloadsAllTime'], fetch, ...auth });
  } catch (error) {
    await Promise.all(listings);
    return { repo, ok: false, error: classify(repo, 'model', error, trace) };
  }
  const parsed = InfoSchema.safeParse(info);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message = `malformed response: ${issue.path.join('.') || 'body'}: ${issue.message}`;
    await Promise.all(listings);
    return { repo, ok: false, error: { repo, what: 'model', kind: 'malformed', attempts: trace.attempts, ...(trace.status ? { status: trace.status } : {}), message } };
  }
  const { name, downloads, likes, downloadsAllTime } = parsed.data;
  const figures: HubFigures = {
    downloads30d: downloads,
    likes,
    ...(downloadsAllTime !== undefined ? { downloadsAllTime } : {}),
    ...(name.toLowerCase() !== repo.toLowerCase() ? { movedTo: name } : {}),
  };
  const derivatives: Partial<Record<DerivativeKind, number>> = {};
  const gaps: DerivativeGap[] = [];
  for (const [kind, counted] of await Promise.all(listings)) {
    if (typeof counted === 'number') derivatives[kind] = counted;
    else gaps.push(counted);
  }
  return { repo, ok: true, figures, derivatives, gaps };
}

/**
 * Counts the models tagged `base_model:<relation>:<repo>` by walking the whole listing (the
 * library follows the Link header page by page). The Hub's listing API gives no total, so the
 * only complete count is one where the listing ran to its end; a listing that hits the cap or
 * fails on any page yields a gap, never a number.
 */
export async function countDerivatives(repo: string, kind: DerivativeKind, opts: HubClientOptions): Promise<number | DerivativeGap> {
  const trace: FetchTrace = { attempts: 0 };
  const fetch = cursorCheckingFetch(jsonRetryingFetch(opts, trace));
  const auth = opts.accessToken ? { accessToken: opts.accessToken } : {};
  const cap = opts.maxListed ?? DEFAULT_MAX_LISTED;
  let listed = 0;
  try {
    // No `limit`: the library stops silently at a limit, which would look like a complete listing.
    for await (const model of listModels({ search: { tags: [`base_model:${DERIVATIVE_KINDS[kind]}:${repo}`] }, hubUrl: opts.hubUrl, fetch, ...auth })) {
      if (typeof model.name !== 'string') throw new SyntaxError('a listed model has no id');
      listed++;
      if (listed > cap) return { kind, reason: 'truncated', listed: cap };
    }
  } catch (error) {
    if (error instanceof RepeatedCursorError) return { kind, reason: 'error', error: { repo, what: kind, kind: 'malformed', attempts: trace.attempts, message: error.message } };
    const e: HubError = classify(repo, kind, error, trace);
    return { kind, reason: 'error', error: e };
  }
  return listed;
}
