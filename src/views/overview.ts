import { MIN_SAMPLE } from './sample.js';
import type { Db } from '../store/db.js';
import { statsView } from './stats.js';
import { trendsView } from './trends.js';
import { claimsView } from './claims.js';
import { gapView } from './gap.js';
import { bestOpenHistoryView } from './analytics-pages.js';
import { DEFAULT_MEASURE } from '../analytics/measures.js';
import { todayIso } from '../domain/index.js';

/**
 * The dashboard's front page: headline counts, the share of releases with downloadable
 * weights per country and year, releases per year by their most open access channel, and
 * what happened most recently. "Downloadable weights" counts open and gated weights alike,
 * as `releasesWithWeights` in `aperture stats` does.
 */
export interface ShareRow {
  year: number;
  country: string;
  group: string;
  total: number;
  n: number;
  share: number;
}

/** Countries with the most releases get a line each; the rest would be noise at this size. */
export const TOP_COUNTRIES = 5;

/**
 * The share of releases with downloadable weights per country and year, as `aperture trends
 * --by country` computes it (one definition: a release counts for every country of its lab).
 */
export async function shareByCountryYear(db: Db, where: { country?: string } = {}): Promise<ShareRow[]> {
  const t = await trendsView(db, { as_of: todayIso(), by: 'country', period: 'year', metric: 'open-weights-share', country: where.country });
  return t.rows.map((r) => ({ year: Number(r.period), country: r.group, group: r.group_name, total: r.releases, n: r.open_weights, share: r.open_share }));
}

export async function accessByYear(db: Db, where: { country?: string; org?: string } = {}) {
  return db.all<{ year: number; key: string; count: number }>(
    `SELECT year(r.date) AS year, r.access_summary AS key, count(*) AS count
     FROM releases r
     WHERE ($org IS NULL OR r.org_id = $org)
       AND ($country IS NULL OR EXISTS (SELECT 1 FROM org_countries oc WHERE oc.org_id = r.org_id AND oc.country = $country))
     GROUP BY ALL ORDER BY year, key`,
    { org: where.org ?? null, country: where.country ?? null },
  );
}

export async function overviewView(db: Db) {
  const [stats, share, access, recentReleases, recentEvents] = await Promise.all([
    statsView(db),
    shareByCountryYear(db),
    accessByYear(db),
    db.all(
      `SELECT r.id, r.name, r.org_id AS org, o.name AS org_name, o.country, r.date_text AS date, r.access_summary AS access, r.license_id AS license
       FROM releases r JOIN organizations o ON o.id = r.org_id ORDER BY r.date DESC, r.id LIMIT 10`,
    ),
    db.all(
      `SELECT e.id, e.date_text AS date, e.kind, e.title, (SELECT string_agg(org_id, ',' ORDER BY org_id) FROM event_orgs WHERE event_id = e.id) AS orgs
       FROM events e ORDER BY e.date DESC, e.id LIMIT 8`,
    ),
  ]);
  const totals = new Map<string, number>();
  for (const r of share) totals.set(r.country, (totals.get(r.country) ?? 0) + r.total);
  const top = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_COUNTRIES).map(([c]) => c);
  const topShare = share.filter((r) => top.includes(r.country));
  return { stats, topCountries: top, shareByCountryYear: topShare, accessByYear: access, recentReleases, recentEvents, findings: findings(stats, topShare) };
}

/**
 * The overview with the analytics beside the counts: every claim's verdict as of the day it
 * was made, the best open score per country over time and the open–closed frontier gap, all by
 * the default capability measure as of today.
 */
export async function overviewPageView(db: Db, today: string = todayIso()) {
  const base = await overviewView(db);
  const claims = await claimsView(db, { as_of: 'said' });
  const best = await bestOpenHistoryView(db, { as_of: today, measure: DEFAULT_MEASURE });
  const frontier = await gapView(db, { as_of: today, measure: DEFAULT_MEASURE });
  return {
    ...base,
    claims: claims.claims.map((c) => ({ id: c.id, statement: c.statement, speaker: c.speaker, said: c.said, verdict: c.verdict })),
    bestOpenByCountry: best,
    gap: { as_of: frontier.as_of, measure: frontier.measure, series: frontier.series, trend: frontier.trend, behind_months: frontier.behind_months },
  };
}

/** Headline findings in words, each computed from the rows above (no opinions added). */
function findings(stats: Awaited<ReturnType<typeof statsView>>, share: ShareRow[]): string[] {
  const out: string[] = [];
  const releases = Number(stats.releases ?? 0);
  const withWeights = Number(stats.releasesWithWeights ?? 0);
  if (releases) out.push(`${withWeights} of ${releases} recorded releases (${Math.round((withWeights / releases) * 100)}%) have downloadable weights, open or gated.`);
  // The latest full year with enough releases per country to compare shares: the current year
  // is not over, and a share from fewer than MIN_SAMPLE releases is not ranked.
  const current = Number(todayIso().slice(0, 4));
  const years = [...new Set(share.map((r) => r.year))].filter((y) => y < current).sort((a, b) => b - a);
  for (const year of years) {
    const rows = share.filter((r) => r.year === year && r.total >= MIN_SAMPLE).sort((a, b) => b.share - a.share);
    if (rows.length < 2) continue;
    const parts = rows.map((r) => `${r.group} ${Math.round(r.share * 100)}% (${r.n} of ${r.total})`);
    out.push(`In ${year}, the share of releases with downloadable weights was: ${parts.join(', ')} (countries with at least ${MIN_SAMPLE} releases that year).`);
    break;
  }
  return out;
}
