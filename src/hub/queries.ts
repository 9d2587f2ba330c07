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

/** How each rule credits a repo, said beside its numbers. */
export const RULE_LABELS = {
  root: 'credited to the lab and country of the repo\'s lineage roots (split equally among several roots)',
  uploader: 'credited to the lab and country of the namespace that uploaded the repo',
} as const;

export interface HubAdoptionRow {
  snapshot: string;
  rule: 'root' | 'uploader';
  group: string;
  repos: number;
  downloads_30d: number;
  downloads_all_time: number;
  derivatives: number | null;
  share_30d: number | null;
}

export interface HubAdoption {
  snapshot: string;
  by: 'country' | 'org';
  rules: { rule: 'root' | 'uploader'; label: string }[];
  rows: HubAdoptionRow[];
}

/** The whole-Hub figures for the adoption view; undefined when no snapshot is on or before as_of. */
export async function hubAdoption(db: Db, p: { asOf: string; by: 'country' | 'org'; rule: 'root' | 'uploader' | 'both' }): Promise<HubAdoption | undefined> {
  const rows = await db.all<HubAdoptionRow>(sql('adoption'), { as_of: p.asOf, by: p.by, rule: p.rule });
  if (!rows.length) return undefined;
  const rules = (p.rule === 'both' ? (['root', 'uploader'] as const) : [p.rule]).map((rule) => ({ rule, label: RULE_LABELS[rule] }));
  return { snapshot: rows[0]!.snapshot, by: p.by, rules, rows };
}
