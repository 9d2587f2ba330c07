import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildDatabase } from '../../src/store/build.js';
import { openDb, type Db } from '../../src/store/db.js';
import { build, type BuildOptions } from '../../src/surfaces/server/build.js';
import { FIXTURES, scratchData, TODAY } from '../helpers/fixture-data.js';

/** The fixture data plus a release whose name holds markup (test/fixtures/web). */
export const WEB_OVERLAY = path.join(FIXTURES, 'web');

export interface TestSite {
  app: FastifyInstance;
  db: Db;
  root: string;
  close(): Promise<void>;
}

/** Builds the fixture database in a scratch folder, opens it read-only and builds the app. */
export async function testSite(opts: Partial<BuildOptions> = {}): Promise<TestSite> {
  const { root, dataDir, cleanup } = await scratchData(WEB_OVERLAY);
  const dbPath = path.join(root, 'aperture.duckdb');
  const built = await buildDatabase({ dataDir, dbPath, today: TODAY });
  if (!built.ok) throw new Error(`fixture build failed: ${JSON.stringify(built.error, null, 2)}`);
  const db = await openDb(dbPath, { readOnly: true });
  const app = await build({ db, ...opts });
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
