import type { FastifyInstance } from 'fastify';
import type { Page } from '../web/page.js';

/**
 * Computes every list page once, in the background, right after the server starts listening:
 * the analyses behind the overview and the claims take a second or more the first time, and
 * are cached after that (see `cached` in routes.ts). Requests that arrive meanwhile are served
 * as usual; a failure here is left for that page's own request to report.
 */
export async function warmUp(app: FastifyInstance, pages: readonly Page[]): Promise<void> {
  for (const page of pages) {
    if (page.path.includes(':id')) continue;
    try {
      await app.inject({ method: 'GET', url: page.path, headers: { accept: 'text/html' } });
    } catch {
      // The page's own request will report it.
    }
  }
}
