import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_RETRY, retryingFetch, type FetchTrace, type RetryPolicy } from '../sources/hf-hub/retrying-fetch.js';
import { appendPage, finish, loadState, partialFile, resetState, saveState, type CrawlState } from './crawl-state.js';
import { snapshotFile } from './paths.js';

/** The fields the listing is asked to expand (it never returns baseModels: lineage comes from tags and cardData). */
export const CRAWL_FIELDS = ['author', 'createdAt', 'lastModified', 'downloads', 'downloadsAllTime', 'likes', 'gated', 'pipeline_tag', 'library_name', 'tags', 'safetensors', 'cardData'] as const;
export const PAGE_SIZE = 500;

export interface CrawlOptions {
  hubUrl: string;
  hubDir: string;
  day: string;
  accessToken?: string;
  limit?: number;
  resume?: boolean;
  timeoutMs: number;
  /** Attempts per page: the retrying fetch's for HTTP and network faults, then as many for bodies that do not parse. */
  attempts?: number;
  retry?: Partial<Omit<RetryPolicy, 'timeoutMs'>>;
  fetch?: typeof fetch;
  onPage?: (records: number) => void;
}

export type CrawlResult =
  | { ok: true; file: string; records: number; pages: number; resumedFrom?: number }
  | { ok: false; error: string; hint: string; records: number; pages: number; partial: string };

export function firstPageUrl(hubUrl: string, limit?: number): string {
  const q = new URLSearchParams([['limit', String(Math.min(limit ?? PAGE_SIZE, PAGE_SIZE))], ...CRAWL_FIELDS.map((f) => ['expand', f])]);
  return `${hubUrl}/api/models?${q}`;
}

/** rel="next" of a Link header, as the Hub writes it: `<url>; rel="next"`. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /<([^>]+)>\s*;(?:.*;)?\s*rel="?next"?/.exec(part.trim());
    if (m) return m[1];
  }
  return undefined;
}

/**
 * The Hub also says when to come back in a `RateLimit` header (`"api";r=0;t=42`, t in seconds).
 * A 429 that gives only that gets it as Retry-After, so the retrying fetch waits as asked.
 */
export function rateLimitAware(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const res = await base(input, init);
    if (res.status !== 429 || res.headers.get('retry-after')) return res;
    const t = /(?:^|;)\s*t=(\d+)/.exec(res.headers.get('ratelimit') ?? '')?.[1];
    if (!t) return res;
    const headers = new Headers(res.headers);
    headers.set('retry-after', t);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}

/**
 * Pages through the whole listing into a dated snapshot. The library's listModels does this
 * paging too but keeps its cursor to itself; a crawl of two million repos has to resume from
 * its last page after a crash, so it follows the same URLs and Link headers here, through the
 * same retrying fetch the refresh uses.
 */
export async function crawlHub(o: CrawlOptions): Promise<CrawlResult> {
  const dayDir = path.join(o.hubDir, o.day);
  let state = o.resume ? await loadState(dayDir) : undefined;
  const resumedFrom = state?.records;
  if (!state) {
    await resetState(dayDir);
    state = { hubUrl: o.hubUrl, next: firstPageUrl(o.hubUrl, o.limit), pages: 0, records: 0, bytes: 0, seen: [], startedAt: new Date().toISOString() };
  }
  const trace: FetchTrace = { attempts: 0 };
  const attempts = o.attempts ?? 6;
  const get = retryingFetch({ ...DEFAULT_RETRY, maxRetryAfterMs: 15 * 60_000, attempts, ...o.retry, timeoutMs: o.timeoutMs }, trace, rateLimitAware(o.fetch ?? fetch));
  const headers: Record<string, string> = { accept: 'application/json', ...(o.accessToken ? { authorization: `Bearer ${o.accessToken}` } : {}) };
  const fail = (error: string, hint: string): CrawlResult => ({ ok: false, error, hint, records: state!.records, pages: state!.pages, partial: partialFile(dayDir) });
  const resumeHint = 'the pages read so far are kept: run the same command with --resume to continue';

  const seen = new Set(state.seen);
  while (state.next && (o.limit === undefined || state.records < o.limit)) {
    const url: string = state.next;
    if (seen.has(url)) return fail(`the Hub sent the crawl back to a page it already read (${url})`, `the listing's cursor repeats; ${resumeHint} later`);
    let items: Record<string, unknown>[] | undefined;
    let link: string | undefined;
    let problem = '';
    for (let tries = 1; tries <= attempts && !items; tries++) {
      let res: Response;
      try {
        res = await get(url, { headers });
      } catch (error) {
        problem = `${error instanceof Error ? error.message : String(error)} after ${trace.attempts} attempts`;
        break;
      }
      if (!res.ok) {
        problem = `HTTP ${res.status} after ${trace.attempts} attempts${trace.retryAfterMs ? ` (the Hub asked to wait ${Math.round(trace.retryAfterMs / 1000)} s)` : ''}`;
        break;
      }
      const text = await res.text();
      try {
        const parsed: unknown = JSON.parse(text);
        if (!Array.isArray(parsed)) throw new Error('not a list');
        items = parsed as Record<string, unknown>[];
        link = nextLink(res.headers.get('link'));
      } catch {
        problem = `the page's body is not a complete JSON list (${text.length} bytes)`;
      }
    }
    if (!items) return fail(`could not read page ${state.pages + 1} of the listing: ${problem}`, o.accessToken ? resumeHint : `${resumeHint}; a token in HF_TOKEN raises the Hub's rate limits`);
    const keep: Record<string, unknown>[] = o.limit === undefined ? items : items.slice(0, o.limit - state.records);
    const gz = gzipSync(keep.map((m) => JSON.stringify(m)).join('\n') + (keep.length ? '\n' : ''));
    await appendPage(dayDir, gz);
    state = { ...state, next: link ?? '', pages: state.pages + 1, records: state.records + keep.length, bytes: state.bytes + gz.length, seen: [...state.seen, url] };
    seen.add(url);
    await saveState(dayDir, state);
    o.onPage?.(state.records);
  }
  const file = snapshotFile(o.hubDir, o.day);
  await finish(dayDir, file, { hubUrl: o.hubUrl, day: o.day, records: state.records, pages: state.pages, limit: o.limit ?? null, fields: CRAWL_FIELDS, startedAt: state.startedAt, finishedAt: new Date().toISOString() });
  return { ok: true, file, records: state.records, pages: state.pages, ...(resumedFrom !== undefined ? { resumedFrom } : {}) };
}
