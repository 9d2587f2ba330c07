import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Slug } from '../../domain/index.js';
import type { Assets, NavItem } from '../web/layout.js';
import { layout } from '../web/layout.js';
import type { Page, RenderContext } from '../web/page.js';
import { toCsv } from './csv.js';
import { ByteCache } from '../../lib/byte-cache.js';
import type { DbPool } from './bounded-db.js';
import { prepare, preparedBytes, sendPrepared, type Prepared } from './prepared.js';
import { badParams, HttpError } from './errors.js';

export type Format = 'html' | 'json' | 'csv';

/** What every page handler shares: the database, navigation, assets and where the site lives. */
export interface Site {
  /** Connections to the database, one per running computation (see bounded-db.ts). */
  pool: DbPool;
  pages: readonly Page[];
  nav: readonly NavItem[];
  assets: Assets;
  basePath: string;
  static: boolean;
  /** Page data (and the results pages slice) by page, id and normalized query (see `dataCache`). */
  cache: ByteCache<unknown>;
  /** Finished responses by request URL: body, compressed forms, ETag (see prepared.ts). */
  responses: ByteCache<Prepared>;
}

/** What the page data of one server may hold in memory, at most. */
export const CACHE_BYTES = 64 * 2 ** 20;
/** What the finished responses of one server may hold in memory, at most. */
export const RESPONSE_BYTES = 64 * 2 ** 20;

/**
 * Page data is computed once per page, id and normalized query: the server's database is
 * opened read-only and never changes under it, and some analyses (claim timelines) take
 * seconds. Bounded in bytes, data measured as its JSON (two bytes a character, as V8 holds it).
 */
export function dataCache(): ByteCache<unknown> {
  return new ByteCache<unknown>(CACHE_BYTES, (v) => JSON.stringify(v ?? null).length * 2);
}

/**
 * Rendered responses, once per URL as requested: drawing a page's charts through jsdom takes
 * tens of milliseconds, compressing it as much again. Bounded in bytes, every form counted.
 */
export function responseCache(): ByteCache<Prepared> {
  return new ByteCache<Prepared>(RESPONSE_BYTES, preparedBytes);
}

/**
 * The validated query as a cache key: keys sorted, defaults filled in and values normalized by
 * the schema, so `?a=1&b=2`, `?b=2&a=1` and `?country=cn` against `?country=CN` are one entry.
 */
export function queryKey(query: Record<string, unknown>, without: readonly string[] = []): string {
  return JSON.stringify(Object.keys(query).filter((k) => query[k] !== undefined && !without.includes(k)).sort().map((k) => [k, query[k]]));
}

/** `/releases` -> `/releases`; the overview `/` -> `/index` (so its twins are `/index.json`). */
export const twinBase = (path: string) => (path === '/' ? '/index' : path);
/** `/releases` -> `/api/releases`; the overview -> `/api/overview`. */
export const apiPath = (page: Page) => (page.path === '/' ? `/api/${page.name}` : `/api${page.path}`);

export function href(site: Pick<Site, 'basePath'>, path: string): string {
  const base = site.basePath.replace(/\/+$/, '');
  return `${base}${path}`;
}

/**
 * The query string, validated by the page's schema. Empty values are dropped, as a form
 * submits its empty fields; a parameter given twice is an error rather than a silent pick.
 */
export function parseQuery(page: Page, raw: unknown): { query: Record<string, unknown>; search: string } {
  const given: Record<string, string | string[]> = {};
  const twice: string[] = [];
  for (const [k, v] of Object.entries((raw ?? {}) as Record<string, string | string[]>)) {
    if (Array.isArray(v)) {
      const values = v.filter((x) => x !== '');
      if (!page.multi?.includes(k)) twice.push(k);
      else if (values.length) given[k] = values;
    } else if (v !== '') given[k] = v;
  }
  if (twice.length) {
    throw new HttpError(400, `invalid query parameters: ${twice.map((k) => `"${k}" is given more than once`).join('; ')}`, twice.map((k) => ({ path: k, message: 'given more than once' })));
  }
  const parsed = page.query.safeParse(given);
  if (!parsed.success) throw badParams(parsed.error);
  const search = new URLSearchParams(Object.entries(given).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString();
  return { query: parsed.data as Record<string, unknown>, search: search ? `?${search}` : '' };
}


function splitSuffix(id: string, fallback: Format): { id: string; format: Format } {
  const m = /^(.*)\.(json|csv)$/.exec(id);
  return m ? { id: m[1]!, format: m[2] as Format } : { id, format: fallback };
}

/** Turns one page into its routes: the page, its `.json` and `.csv` twins, and `/api` routes. */
export function registerPage(app: FastifyInstance, site: Site, page: Page): void {
  const withId = page.path.includes('/:id');
  const handle = (fixed?: Format, apiDefault: Format = 'html') => async (req: FastifyRequest, reply: FastifyReply) => {
    // The same URL always gets the same response from a server whose database does not change.
    const hit = site.responses.get(req.url);
    // A newly compressed form is counted against the cache's bound.
    if (hit) return sendPrepared(req, reply, hit, () => site.responses.set(req.url, hit));
    let id: string | undefined;
    let format: Format = fixed ?? apiDefault;
    if (withId) {
      const split = splitSuffix((req.params as { id: string }).id, apiDefault);
      format = split.format;
      req.format = format;
      const checked = z.strictObject({ id: page.id ?? Slug }).safeParse({ id: split.id });
      // Ids are lowercase slugs; a typed `/labs/Meta` is sent to `/labs/meta` rather than refused.
      if (!checked.success && !page.id && split.id !== split.id.toLowerCase() && Slug.safeParse(split.id.toLowerCase()).success) {
        const [path, query] = req.url.split('?');
        const at = path!.lastIndexOf(split.id);
        return reply.redirect(`${href(site, path!.slice(0, at))}${split.id.toLowerCase()}${path!.slice(at + split.id.length)}${query ? `?${query}` : ''}`, 301);
      }
      if (!checked.success) throw badParams(checked.error, 'path');
      id = checked.data.id;
    }
    req.format = format;
    const { query, search } = parseQuery(page, req.query);
    const data = await pageData(site, page, query, id);
    if (data === undefined) throw new HttpError(404, `no ${page.noun ?? 'record'} with id "${id}"`);
    const path = withId ? page.path.replace(':id', id!) : page.path;
    // The body depends on the path and the query string as given (links keep their order).
    const prepared = await site.responses.through(req.url, async () => render(site, page, data, { path, query, search, format }));
    return sendPrepared(req, reply, prepared, () => site.responses.set(req.url, prepared));
  };
  // Which representation an error on this route is rendered in, until the handler knows better.
  // Responses come compressed from the cache (prepared.ts), not through @fastify/compress.
  const config = (format: Format) => ({ config: { format }, compress: false as const });
  if (withId) {
    app.get(page.path, config('html'), handle(undefined, 'html'));
    app.get(apiPath(page), config('json'), handle(undefined, 'json'));
  } else {
    const base = twinBase(page.path);
    app.get(page.path, config('html'), handle('html'));
    app.get(`${base}.json`, config('json'), handle('json'));
    app.get(`${base}.csv`, config('csv'), handle('csv'));
    app.get(apiPath(page), config('json'), handle('json'));
    app.get(`${apiPath(page)}.csv`, config('csv'), handle('csv'));
  }
}

/**
 * A page's data, computed once per normalized query. A page that slices one result by some
 * parameters (sort, page, size) caches that result without them, and cuts each request's page
 * from it, so a crawler walking every page and sort of a filter costs one query, not hundreds.
 */
export function pageData(site: Site, page: Page, query: Record<string, unknown>, id: string | undefined): Promise<unknown> {
  const slice = page.slice;
  if (slice) {
    const key = `base|${page.name}|${id ?? ''}|${queryKey(query, slice.params)}`;
    return site.cache.through(key, () => site.pool.use((db) => slice.base(db, query, id))).then((base) => (base === undefined ? undefined : slice.data(base, query)));
  }
  return site.cache.through(`data|${page.name}|${id ?? ''}|${queryKey(query)}`, () => site.pool.use((db) => page.load(db, query as never, id)));
}

export function renderContext(site: Site, path: string, query: Record<string, unknown>, search: string): RenderContext {
  return { path, query, search, href: (p) => href(site, p), static: site.static };
}

function render(site: Site, page: Page, data: unknown, r: { path: string; query: Record<string, unknown>; search: string; format: Format }): Prepared {
  const base = twinBase(r.path);
  if (r.format === 'json') return prepare(JSON.stringify({ ok: true, data: page.json ? page.json(data) : data }), 'application/json; charset=utf-8');
  if (r.format === 'csv') {
    const rows = page.csv(data);
    return prepare(toCsv(rows, rows.length ? undefined : page.csvColumns), 'text/csv; charset=utf-8');
  }
  const ctx = renderContext(site, r.path, r.query, r.search);
  const json = href(site, `${base}.json`) + r.search;
  const csv = href(site, `${base}.csv`) + r.search;
  const link = `<${json}>; rel="alternate"; type="application/json", <${csv}>; rel="alternate"; type="text/csv"`;
  const text = layout({ title: page.title(data), body: page.render(data, ctx), ctx, nav: site.nav, assets: site.assets, json: `${base}.json` });
  return prepare(text, 'text/html; charset=utf-8', { link });
}

declare module 'fastify' {
  interface FastifyRequest {
    format?: Format;
  }
  interface FastifyContextConfig {
    format?: Format;
  }
}
