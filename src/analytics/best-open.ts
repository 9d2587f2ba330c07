import { countryName } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { DEFAULT_MAX_AGE_DAYS } from './measures.js';
import { runQuery } from './sql.js';
import { evidenceWindow, type EvidenceWindow } from './evidence-window.js';
import type { RankedReleaseBase } from './ranked-release.js';

export interface BestOpenOptions {
  asOf: string;
  measure: string;
  top: number;
  maxAgeDays?: number;
}

export interface RankedRelease extends RankedReleaseBase {
  score: number;
  /** The day of the observation the score comes from. */
  observed: string;
  sources: string[];
}

export interface CountryShare {
  country: string;
  country_name: string;
  /**
   * Releases in the top N from labs in this country: a lab with n countries gives each 1/n, so
   * the counts add up to N and the shares to 1.
   */
  count: number;
  share: number;
}

export interface CountryBest {
  country: string;
  country_name: string;
  rank: number;
  id: string;
  name: string;
  score: number;
}

export interface BestOpen {
  as_of: string;
  measure: string;
  top: number;
  /** Open-weights releases with a comparable score at the date. */
  scored: number;
  ranking: RankedRelease[];
  shares: CountryShare[];
  best_by_country: CountryBest[];
  /** How current the scores are: newest observation, releases after it, flagship coverage. */
  window: EvidenceWindow;
}

type Row = Omit<RankedRelease, 'rank' | 'sources'> & { sources: string | null };

/**
 * The best open-weights releases at a date by one capability measure, and each country's share
 * of the top N. Only scores of that one measure are compared, each release's latest on or before
 * the date; nothing is rescaled.
 */
export async function bestOpen(db: Db, o: BestOpenOptions): Promise<BestOpen> {
  const rows = await runQuery<Row>(db, 'best-open', { as_of: o.asOf, measure: o.measure, max_age: o.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS });
  const ranked: RankedRelease[] = rows.map((r, i) => ({ ...r, rank: i + 1, sources: r.sources ? r.sources.split(',') : [] }));
  const ranking = ranked.slice(0, o.top);
  const counts = new Map<string, number>();
  for (const r of ranking) for (const c of r.countries) counts.set(c, (counts.get(c) ?? 0) + 1 / r.countries.length);
  const shares = [...counts.entries()]
    .map(([country, count]) => ({ country, country_name: countryName(country), count: round(count, 2), share: round(count / ranking.length) }))
    .sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
  const best = new Map<string, CountryBest>();
  for (const r of ranked) for (const c of r.countries) if (!best.has(c)) best.set(c, { country: c, country_name: countryName(c), rank: r.rank, id: r.id, name: r.name, score: r.score });
  const window = await evidenceWindow(db, { asOf: o.asOf, measure: o.measure, scope: 'open-weights', ...(o.maxAgeDays ? { maxAgeDays: o.maxAgeDays } : {}) });
  return { as_of: o.asOf, measure: o.measure, top: o.top, scored: ranked.length, ranking, shares, best_by_country: [...best.values()], window };
}

export interface FrontierRow {
  day: string;
  id: string;
  name: string;
  org: string;
  open_weights: boolean;
  countries: string[];
  score: number;
}

/** Every scored release at each date (see frontier.sql). */
export async function frontierRows(db: Db, o: { measure: string; dates: string[]; maxAgeDays?: number }): Promise<FrontierRow[]> {
  if (o.dates.length === 0) return [];
  return runQuery<FrontierRow>(db, 'frontier', { measure: o.measure, dates: o.dates.join(','), max_age: o.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS });
}

export interface CountryBestPoint {
  date: string;
  country: string;
  id: string;
  name: string;
  score: number;
}

/** The best open-weights release of each country at each date. */
export async function bestOpenByCountryOverTime(db: Db, o: { measure: string; dates: string[]; maxAgeDays?: number }): Promise<CountryBestPoint[]> {
  const rows = await frontierRows(db, o);
  const best = new Map<string, CountryBestPoint>();
  for (const r of rows) {
    if (!r.open_weights) continue;
    for (const country of r.countries) {
      const key = `${r.day}|${country}`;
      const cur = best.get(key);
      if (!cur || r.score > cur.score) best.set(key, { date: r.day, country, id: r.id, name: r.name, score: r.score });
    }
  }
  return [...best.values()].sort((a, b) => a.date.localeCompare(b.date) || b.score - a.score || a.country.localeCompare(b.country));
}

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
