import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.js';
import type { Page } from '../web/page.js';

/**
 * Computes every list page (and the pages marked `warm`) once, in the background, right after
 * the server starts listening: the analyses behind the overview and the claims take a second or more the first time, and
 * are cached after that (see `cached` in routes.ts). Requests that arrive meanwhile are served
 * as usual; a failure here is left for that page's own request to report.
 */
export async function warmUp(app: FastifyInstance, db: Db, pages: readonly Page[], signal?: AbortSignal): Promise<void> {
  const urls: string[] = [];
  for (const page of pages) {
    if (!page.path.includes(':id')) urls.push(page.path);
    else if (page.warm && page.ids) for (const id of await page.ids(db).catch(() => [])) urls.push(page.path.replace(':id', encodeURIComponent(id)));
  }
  for (const url of urls) {
    // Stopping waits for the page in progress only, so the database is not closed under it.
    if (signal?.aborted) return;
    try {
      await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    } catch {
      // The page's own request will report it.
    }
  }
}
