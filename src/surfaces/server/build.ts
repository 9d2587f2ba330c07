import zlib from 'node:zlib';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import helmet from '@fastify/helmet';
import type { Db } from '../../store/db.js';
import type { Page } from '../web/page.js';
import { errorPage } from '../web/pages/error.js';
import { PAGES } from '../web/pages/index.js';
import { loadAssets } from './assets.js';
import { errorBody, HttpError, type ErrorDetail } from './errors.js';
import { dbPool, limitDb, SERVER_DB_LIMITS } from './bounded-db.js';
import { frameworkMessage, frameworkStatus, rawError } from './raw-errors.js';
import { openApi } from './openapi.js';
import type { ByteCache } from '../../lib/byte-cache.js';
import type { Prepared } from './prepared.js';
import { badgeView } from '../../views/badge.js';
import { badgeSvg } from '../web/badge.js';
import { apiPath, dataCache, href, registerPage, renderContext, responseCache, twinBase, type Site } from './routes.js';

export interface BuildOptions {
  /** An open (read-only) database; the caller owns it and closes it after the server. */
  db: Db;
  /** The pages to serve (default: every page of the dashboard). */
  pages?: readonly Page[];
  /** Where the client bundle was built (see web/client/bundle.ts); without it pages have no script. */
  clientDir?: string;
  /** The path the site is published under, e.g. `/aperture/` (default `/`). */
  basePath?: string;
  /** Rendering for the static export: the browser script filters tables instead of the server. */
  static?: boolean;
  /** Time limit per database query, answered with 503 (default SERVER_DB_LIMITS.queryTimeoutMs). */
  queryTimeoutMs?: number;
  /** Queries run side by side, each on its own connection (default SERVER_DB_LIMITS.connections). */
  connections?: number;
  /** Called with unexpected errors (500s); the serve command prints them. */
  onError?: (error: unknown, request: FastifyRequest) => void;
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Charts are drawn without inline styles (see charts/specs.ts), so none are allowed.
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // The server speaks plain HTTP on a local port; upgrading would break every asset.
  upgradeInsecureRequests: null,
};

/**
 * The dashboard and API as a Fastify app, apart from listening (the serve command listens,
 * tests and the static export call it through `inject`). Read-only: only GET and HEAD.
 */
export async function build(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: false,
    // A client sending its headers a byte a second is cut off instead of holding a socket.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    bodyLimit: 64 * 1024,
    // Errors Fastify answers before any route (a malformed URL like /%zz) get the one body too.
    frameworkErrors: (error, req, reply) => sendError(req, reply, site, new HttpError(frameworkStatus(error), frameworkMessage(error))),
    // Errors Node's HTTP parser answers on the raw socket (oversized headers, garbage requests).
    clientErrorHandler: (error, socket) => rawError(error as NodeJS.ErrnoException, socket),
  });
  // Every route the app answers, so a test can check that /openapi.json describes each one.
  const routes: string[] = [];
  app.addHook('onRoute', (r) => {
    if (r.method === 'GET' || (Array.isArray(r.method) && r.method.includes('GET'))) routes.push(r.url);
  });
  app.decorate('routeList', routes);
  const pages = opts.pages ?? PAGES;
  const { paths, files } = loadAssets(opts.clientDir);
  // Node's own default (60 s) let a client trickling its headers hold a socket past a minute.
  app.server.headersTimeout = 20_000;
  await limitDb(opts.db);
  const pool = await dbPool(opts.db, { timeoutMs: opts.queryTimeoutMs, connections: opts.connections });
  app.addHook('onClose', async () => pool.close());
  const site: Site = {
    pool,
    pages,
    nav: pages.filter((p) => p.nav).map((p) => ({ path: p.path, label: p.nav! })),
    assets: paths,
    basePath: opts.basePath ?? '/',
    static: opts.static ?? false,
    cache: dataCache(),
    responses: responseCache(),
  };

  // HSTS belongs to whoever terminates TLS in front of this server, not to a local HTTP port.
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CSP }, strictTransportSecurity: false });
  // ETags are weak: the same page compressed two ways is the same page, not the same bytes.
  await app.register(etag, { weak: true });
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip', 'deflate'],
    // Pages are compressed on every request; brotli's default level 11 is too slow for that.
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode >= 400) reply.header('cache-control', 'no-store');
    else if (req.url.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
    // The database a server opened does not change under it; a minute keeps pages fresh across rebuilds.
    else reply.header('cache-control', 'public, max-age=60');
    return payload;
  });

  // For tests and benchmarks: what the caches hold.
  app.decorate('caches', { data: site.cache, responses: site.responses });
  for (const page of pages) registerPage(app, site, page);

  app.get('/assets/:file', async (req, reply) => {
    const asset = files.get(req.url.split('?')[0]!);
    if (!asset) throw new HttpError(404, `no asset ${req.url}`);
    return reply.type(asset.type).send(asset.body);
  });
  // Embeddable openness badges: /badge/<release>.svg for model cards and leaderboards, .json twin.
  app.get('/badge/:file', async (req, reply) => {
    const m = /^([a-z0-9][a-z0-9._-]*)\.(svg|json)$/.exec((req.params as { file: string }).file.toLowerCase());
    if (!m) throw new HttpError(400, 'expected /badge/<release-id>.svg or /badge/<release-id>.json');
    const badge = await site.pool.use((db) => badgeView(db, m[1]!));
    if (!badge) throw new HttpError(404, `no release with id "${m[1]}"`);
    if (m[2] === 'json') return reply.type('application/json; charset=utf-8').send({ ok: true, data: { ...badge, page: href(site, `/releases/${badge.id}`) } });
    return reply.type('image/svg+xml; charset=utf-8').send(badgeSvg(badge, href(site, `/releases/${badge.id}`)));
  });
  app.get('/openapi.json', async () => openApi(pages));
  app.get('/api', async () => ({
    ok: true,
    data: {
      openapi: href(site, '/openapi.json'),
      endpoints: pages.map((p) => ({ name: p.name, summary: p.summary, api: href(site, apiPath(p)), page: href(site, p.path), json: p.path.includes(':id') ? href(site, `${p.path}.json`) : href(site, `${twinBase(p.path)}.json`) })),
    },
  }));

  app.setNotFoundHandler(async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(req, reply, site, new HttpError(405, `${req.method} is not allowed: this server is read-only`, [], { allow: 'GET, HEAD' }));
    }
    return sendError(req, reply, site, new HttpError(404, `no page at ${req.url.split('?')[0]}`));
  });
  app.setErrorHandler(async (error: FastifyError, req, reply) => {
    if (error instanceof HttpError) return sendError(req, reply, site, error);
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) opts.onError?.(error, req);
    const message = status === 500 ? 'internal error: the server failed to answer this request' : error.message;
    return sendError(req, reply, site, new HttpError(status, message));
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeList: readonly string[];
    caches: { data: ByteCache<unknown>; responses: ByteCache<Prepared> };
  }
}

/** JSON for the API and twins; an HTML page for people browsing, with the same status and message. */
function wantsHtml(req: FastifyRequest): boolean {
  const format = req.format ?? req.routeOptions.config?.format;
  if (format) return format === 'html';
  const path = req.url.split('?')[0]!;
  if (path.startsWith('/api') || /\.(json|csv)$/.test(path) || path === '/openapi.json') return false;
  return acceptsHtml(String(req.headers.accept ?? ''));
}

/** Whether an Accept header takes HTML: listed (or text/*) with a quality above zero. */
export function acceptsHtml(accept: string): boolean {
  return accept.split(',').some((part) => {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    if (type !== 'text/html' && type !== 'text/*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function sendError(req: FastifyRequest, reply: FastifyReply, site: Site, error: HttpError) {
  reply.code(error.status).headers(error.headers);
  if (wantsHtml(req)) {
    const ctx = renderContext(site, req.url.split('?')[0]!, {}, '');
    return reply.type('text/html; charset=utf-8').send(errorPage(error.status, error.message, error.errors, ctx, site));
  }
  return reply.type('application/json; charset=utf-8').send(errorBody(error.status, error.message, error.errors as ErrorDetail[]));
}
