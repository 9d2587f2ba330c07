import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, found from this file so the CLI works from any working directory. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shipped fact base. Overridable with --data or APERTURE_DATA. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.APERTURE_DATA ? path.resolve(env.APERTURE_DATA) : path.join(PACKAGE_ROOT, 'data');
}

/** The embedded database. Overridable with --db or APERTURE_DB. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.APERTURE_DB ? path.resolve(env.APERTURE_DB) : path.join(PACKAGE_ROOT, '.aperture', 'aperture.duckdb');
}

/** Paths in diagnostics are shown relative to the working directory, as compilers do. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
