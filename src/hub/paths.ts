import path from 'node:path';
import { PACKAGE_ROOT } from '../lib/paths.js';

/** Where crawls, hub.duckdb and the lake live. Overridable with --hub-dir or APERTURE_HUB. */
export function defaultHubDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.APERTURE_HUB ? path.resolve(env.APERTURE_HUB) : path.join(PACKAGE_ROOT, '.aperture', 'hub');
}

/** A crawl's snapshot file: one folder per day. */
export const snapshotFile = (hubDir: string, day: string) => path.join(hubDir, day, 'models.ndjson.gz');

/** The snapshot date a path names (`.../2026-12-01/models.ndjson.gz`), if any. */
export function dateInPath(file: string): string | undefined {
  const m = /(?:^|[/\\_.-])(\d{4}-\d{2}-\d{2})(?=$|[/\\_.-])/.exec(file);
  return m?.[1];
}
