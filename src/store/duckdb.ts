import { createRequire } from 'node:module';

/**
 * @duckdb/node-api, loaded with require(): it is CommonJS, and importing it from ESM makes Node
 * scan its sources for named exports first, which doubled the start-up of every read command
 * (0.8 s against 1.7 s on the 2-core machine). Types still come from the package.
 */
export const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');
