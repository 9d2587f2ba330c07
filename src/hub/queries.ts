import type { Db } from '../store/db.js';
import { sqlLoader } from '../lib/sql-files.js';

const sql = sqlLoader(new URL('./sql/', import.meta.url));

export interface UnknownNamespace {
  snapshot: string;
  namespace: string;
  repos: number;
  downloads_30d: number;
  credited_downloads_30d: number;
}

export const unknownNamespaces = (db: Db, top: number, snapshot?: string) => db.all<UnknownNamespace>(sql('unknown'), { top, snapshot: snapshot ?? null });

export async function latestSnapshot(db: Db): Promise<string | undefined> {
  const r = await db.one<{ s: string | null }>("SELECT strftime(max(snapshot), '%Y-%m-%d') AS s FROM hub_snapshots");
  return r?.s ?? undefined;
}
