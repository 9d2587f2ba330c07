import type { Db } from '../store/db.js';
import { runQuery } from './sql.js';

export type AdoptionBy = 'org' | 'country';
export type AdoptionPeriod = 'month' | 'quarter' | 'year';

export interface AdoptionRow {
  group: string;
  group_name: string;
  period: string;
  repos: number;
  releases: number;
  downloads_30d: number | null;
  downloads_all_time: number | null;
  likes: number | null;
  finetunes: number | null;
  adapters: number | null;
  quantizations: number | null;
  merges: number | null;
  derivatives: number;
}

export interface RelativeAdoptionRow {
  id: string;
  name: string;
  org: string;
  countries: string[];
  size_class: string;
  age_months: number;
  observed: string;
  downloads_30d: number;
  peer_rank: number;
  peers: number;
  reference_rank: number;
  reference_downloads: number;
  /** downloads_30d / reference_downloads; 1 means on par with the 10th-ranked peer. */
  relative: number | null;
}

export interface Adoption {
  as_of: string;
  by: AdoptionBy;
  period: AdoptionPeriod;
  rows: AdoptionRow[];
  relative: RelativeAdoptionRow[];
}

/** Downloads and derivatives by origin per period, and each release's adoption relative to its peers. */
export async function adoption(db: Db, o: { asOf: string; by: AdoptionBy; period: AdoptionPeriod; since?: string; org?: string; rollup?: boolean }): Promise<Adoption> {
  const rows = await runQuery<AdoptionRow>(db, 'adoption', { as_of: o.asOf, by: o.by, period: o.period, since: o.since ?? null, rollup: o.rollup ?? false });
  const relative = await runQuery<RelativeAdoptionRow>(db, 'relative-adoption', { as_of: o.asOf, org: o.org ?? null });
  return { as_of: o.asOf, by: o.by, period: o.period, rows: o.org ? rows.filter((r) => o.by !== 'org' || r.group === o.org) : rows, relative };
}
