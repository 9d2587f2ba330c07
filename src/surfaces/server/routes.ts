import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Slug } from '../../domain/index.js';
import type { Db } from '../../store/db.js';
import type { Assets, NavItem } from '../web/layout.js';
import { layout } from '../web/layout.js';
import type { Page, RenderContext } from '../web/page.js';
import { toCsv } from './csv.js';
import { ByteCache } from './byte-cache.js';
import { badParams, HttpError } from './errors.js';

export type Format = 'html' | 'json' | 'csv';

/** What every page handler shares: the database, navigation, assets and where the site lives. */
export interface Site {
  db: Db;
  pages: readonly Page[];
  nav: readonly NavItem[];
  assets: Assets;
  basePath: string;
  static: boolean;
  /** Page data and rendered bodies by page, id, format and normalized query (see `responseCache`). */
  cache: ByteCache<unknown>;
}

/** What the page data and rendered pages of one server may hold in memory, at most. */
export const CACHE_BYTES = 64 * 2 ** 20;

/**
 * Page data and rendered bodies are computed once per page, id and normalized query: the
 * server's database is opened read-only and never changes under it, some analyses (claim
 * timelines) take seconds, and drawing a page's charts through jsdom takes tens of
 * milliseconds. Bounded in bytes: data is measured as its JSON, bodies as their length.
 */
export function responseCache(): ByteCache<unknown> {
  return new ByteCache<unknown>(CACHE_BYTES, (v) => (typeof v === 'string' ? v.length * 2 : JSON.stringify(v ?? null).length * 2));
}

/** The query string as a cache key: parameters sorted, so ?a=1&b=2 and ?b=2&a=1 are one entry. */
function normalizedSearch(search: string): string {
  const params = new URLSearchParams(search);
  params.sort();
  return params.toString();
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
    const key = `${page.name}|${id ?? ''}|${normalizedSearch(search)}`;
    const data = await site.cache.through(`data|${key}`, () => page.load(site.db, query as never, id));
    if (data === undefined) throw new HttpError(404, `no ${page.noun ?? 'record'} with id "${id}"`);
    const path = withId ? page.path.replace(':id', id!) : page.path;
    // The body depends on the path and the query string as given (links keep their order).
    return send(reply, site, page, data, { path, query, search, format, key: `${format}|${path}|${key}|${search}` });
  };
  // Which representation an error on this route is rendered in, until the handler knows better.
  const config = (format: Format) => ({ config: { format } });
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

export function renderContext(site: Site, path: string, query: Record<string, unknown>, search: string): RenderContext {
  return { path, query, search, href: (p) => href(site, p), static: site.static };
}

function send(reply: FastifyReply, site: Site, page: Page, data: unknown, r: { path: string; query: Record<string, unknown>; search: string; format: Format; key: string }) {
  const base = twinBase(r.path);
  const body = (render: () => string): string => {
    let text = site.cache.get(r.key) as string | undefined;
    if (text === undefined) site.cache.set(r.key, (text = render()));
    return text;
  };
  if (r.format === 'json') {
    return reply.type('application/json; charset=utf-8').send(body(() => JSON.stringify({ ok: true, data: page.json ? page.json(data) : data })));
  }
  if (r.format === 'csv') {
    return reply.type('text/csv; charset=utf-8').send(body(() => {
      const rows = page.csv(data);
      return toCsv(rows, rows.length ? undefined : page.csvColumns);
    }));
  }
  const ctx = renderContext(site, r.path, r.query, r.search);
  const json = href(site, `${base}.json`) + r.search;
  const csv = href(site, `${base}.csv`) + r.search;
  reply.header('link', `<${json}>; rel="alternate"; type="application/json", <${csv}>; rel="alternate"; type="text/csv"`);
  return reply.type('text/html; charset=utf-8').send(body(() => layout({ title: page.title(data), body: page.render(data, ctx), ctx, nav: site.nav, assets: site.assets, json: `${base}.json` })));
}

declare module 'fastify' {
  interface FastifyRequest {
    format?: Format;
  }
  interface FastifyContextConfig {
    format?: Format;
  }
}
