import { existsSync } from 'node:fs';
import { dataHash, dataStat } from '../facts/data-hash.js';
import { openDb, type Db } from './db.js';
import { SCHEMA_VERSION } from './schema-version.js';

export interface Freshness {
  fresh: boolean;
  reason?: 'missing' | 'data-changed' | 'schema-changed' | 'unreadable';
}

/**
 * Whether the database at dbPath was built from the current content of dataDir. Sizes and
 * modification times are compared first (a few hundred stat calls); contents are hashed only
 * when those differ, so a checkout that touched files without changing them is still fresh.
 * Pass `db` to reuse a connection the caller opened anyway.
 */
export async function checkFreshness(dataDir: string, dbPath: string, db?: Db): Promise<Freshness> {
  if (!db && !existsSync(dbPath)) return { fresh: false, reason: 'missing' };
  let info: Map<string, string>;
  try {
    const conn = db ?? (await openDb(dbPath, { readOnly: true }));
    try {
      const rows = await conn.all<{ key: string; value: string }>('SELECT key, value FROM build_info');
      info = new Map(rows.map((r) => [r.key, r.value]));
    } finally {
      if (!db) conn.close();
    }
  } catch {
    return { fresh: false, reason: 'unreadable' };
  }
  if (info.get('schema_version') !== SCHEMA_VERSION) return { fresh: false, reason: 'schema-changed' };
  if (info.has('data_stat') && info.get('data_stat') === (await dataStat(dataDir))) return { fresh: true };
  if (info.get('data_hash') !== (await dataHash(dataDir))) return { fresh: false, reason: 'data-changed' };
  return { fresh: true };
}
