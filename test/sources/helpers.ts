import path from 'node:path';
import { FIXTURES } from '../helpers/fixture-data.js';
import { nodeFs } from '../../src/sources/index.js';
import type { ImportOptions } from '../../src/sources/index.js';

/** The importers' fixtures: small files in each upstream format, written for these tests. */
export const IMPORTS = path.join(FIXTURES, 'imports');
export const fixture = (...parts: string[]) => path.join(IMPORTS, ...parts);
export const readOpts = (extra: Partial<ImportOptions> = {}): ImportOptions => ({ fs: nodeFs, ...extra });
