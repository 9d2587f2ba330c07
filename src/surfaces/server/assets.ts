import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assets } from '../web/layout.js';

export interface Asset {
  body: Buffer;
  type: string;
}

export const STYLESHEET = fileURLToPath(new URL('../web/styles.css', import.meta.url));

/**
 * The stylesheet and, when it was built, the client bundle, served from memory under names
 * that carry a hash of their content, so browsers may cache them for good.
 */
export function loadAssets(clientDir?: string): { paths: Assets; files: Map<string, Asset> } {
  const files = new Map<string, Asset>();
  const add = (name: string, ext: string, body: Buffer, type: string) => {
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const p = `/assets/${name}.${hash}.${ext}`;
    files.set(p, { body, type });
    return p;
  };
  const css = add('app', 'css', readFileSync(STYLESHEET), 'text/css; charset=utf-8');
  const bundle = clientDir ? path.join(clientDir, 'app.js') : undefined;
  const js = bundle && existsSync(bundle) ? add('app', 'js', readFileSync(bundle), 'text/javascript; charset=utf-8') : undefined;
  return { paths: { css, ...(js ? { js } : {}) }, files };
}
