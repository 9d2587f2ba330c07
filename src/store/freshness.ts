import { existsSync } from 'node:fs';
import { dataHash } from '../facts/data-hash.js';
import { openDb } from './db.js';
import { SCHEMA_VERSION } from './build.js';

export interface Freshness {
  fresh: boolean;
  reason?: 'missing' | 'data-changed' | 'schema-changed' | 'unreadable';
}

/** Whether the database at dbPath was built from the current content of dataDir. */
export async function checkFreshness(dataDir: string, dbPath: string): Promise<Freshness> {
  if (!existsSync(dbPath)) return { fresh: false, reason: 'missing' };
  let info: Map<string, string>;
  try {
    const db = await openDb(dbPath, { readOnly: true });
    try {
      const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM build_info');
      info = new Map(rows.map((r) => [r.key, r.value]));
    } finally {
      db.close();
    }
  } catch {
    return { fresh: false, reason: 'unreadable' };
  }
  if (info.get('schema_version') !== SCHEMA_VERSION) return { fresh: false, reason: 'schema-changed' };
  if (info.get('data_hash') !== (await dataHash(dataDir))) return { fresh: false, reason: 'data-changed' };
  return { fresh: true };
}
