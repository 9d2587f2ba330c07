import { existsSync } from 'node:fs';
import { copyFile, cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildDatabase } from '../../src/store/build.js';
import { dataHash } from '../../src/facts/data-hash.js';
import { openDb, type Db } from '../../src/store/db.js';
import { build, type BuildOptions } from '../../src/surfaces/server/build.js';
import { FIXTURES, scratchData, TODAY } from '../helpers/fixture-data.js';

/**
 * Builds the database of a fixture data folder, or copies the one an earlier test file of this
 * run built from the same content (keyed by the data hash and the test date), so the suite
 * builds each fixture once per run rather than once per file.
 */
async function buildFixtureDb(dataDir: string, dbPath: string): Promise<void> {
  const cacheDir = process.env.APERTURE_TEST_DB_CACHE;
  const cached = cacheDir ? path.join(cacheDir, `${await dataHash(dataDir)}-${TODAY}.duckdb`) : undefined;
  if (cached && existsSync(cached)) return copyFile(cached, dbPath);
  const built = await buildDatabase({ dataDir, dbPath, today: TODAY });
  if (!built.ok) throw new Error(`fixture build failed: ${JSON.stringify(built.error, null, 2)}`);
  if (!cached) return;
  // Through a temporary name: parallel test files may build the same fixture at the same time.
  const tmp = `${cached}.tmp-${process.pid}`;
  await copyFile(dbPath, tmp);
  await rename(tmp, cached);
}

/** The fixture data plus a release whose name holds markup (test/fixtures/web). */
export const WEB_OVERLAY = path.join(FIXTURES, 'web');

export interface TestSite {
  app: FastifyInstance;
  db: Db;
  root: string;
  close(): Promise<void>;
}

/** The analytics helper's fixture: capability and adoption observations, claims, events. */
export const ANALYTICS_DATA = path.join(FIXTURES, 'analytics', 'data');

async function scratch(fixture: 'data' | 'analytics') {
  if (fixture === 'data') return scratchData(WEB_OVERLAY);
  const root = await mkdtemp(path.join(tmpdir(), 'aperture-web-'));
  const dataDir = path.join(root, 'data');
  await cp(ANALYTICS_DATA, dataDir, { recursive: true });
  await cp(WEB_OVERLAY, dataDir, { recursive: true });
  return { root, dataDir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export interface SiteData {
  fixture?: 'data' | 'analytics';
  /** More fixture folders copied over the data, in order (e.g. test/fixtures/quality). */
  overlays?: string[];
  /** Runs on the scratch data folder before the build, e.g. an `aperture import` of a peer index. */
  prepare?: (dataDir: string) => Promise<void>;
}

/**
 * Builds a fixture database in a scratch folder (the small valid fixture, or the analytics
 * one), with the markup overlay and any others, opens it read-only and builds the app.
 */
export async function testSite(opts: Partial<BuildOptions> & SiteData = {}): Promise<TestSite> {
  const { fixture = 'data', overlays = [], prepare, ...buildOpts } = opts;
  const { root, dataDir, cleanup } = await scratch(fixture);
  for (const overlay of overlays) await cp(overlay, dataDir, { recursive: true });
  await prepare?.(dataDir);
  const dbPath = path.join(root, 'aperture.duckdb');
  await buildFixtureDb(dataDir, dbPath);
  const db = await openDb(dbPath, { readOnly: true });
  const app = await build({ db, ...buildOpts });
  return {
    app,
    db,
    root,
    close: async () => {
      await app.close();
      db.close();
      await cleanup();
    },
  };
}
