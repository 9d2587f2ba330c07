import type { Db } from '../../store/db.js';
import { addMonths, monthEnd } from '../../analytics/as-of.js';
import { adoption, type Adoption } from '../../analytics/adoption.js';
import { bestOpen, bestOpenByCountryOverTime, type BestOpen, type CountryBestPoint } from '../../analytics/best-open.js';
import { gap, type Gap } from '../../analytics/gap.js';
import { signals, type Signal } from '../../analytics/signals.js';
import { prepare, runQuery } from '../../analytics/sql.js';
import { trends, type Trends } from '../../analytics/trends.js';
import { evaluateClaim, loadClaims, type ClaimResult } from '../../claims/evaluate.js';

export interface ReportSource {
  id: string;
  url: string;
  publisher: string;
  title: string | null;
  accessed: string;
}

export interface ReportData {
  as_of: string;
  measure: string;
  byCountry: Trends;
  byOrg: Trends;
  bestOpen: BestOpen;
  bestOverTime: CountryBestPoint[];
  gap: Gap;
  adoption: Adoption;
  signals: Signal[];
  /** Each claim as of the day it was made, and as of the report's date. */
  claims: { said: ClaimResult; now: ClaimResult }[];
  /** The fact base as of the date, and openness in the last 12 months and the 12 before. */
  counts: { releases: number; open_all: number; labs: number; countries: number; releases_12m: number; open_12m: number; releases_prior: number; open_prior: number };
  sources: ReportSource[];
}

/** Quarter-ends from `from` to `to`, then `to`. */
function quarterEnds(from: string, to: string): string[] {
  const out: string[] = [];
  let d = monthEnd(`${from.slice(0, 4)}-${String(Math.ceil(Number(from.slice(5, 7)) / 3) * 3).padStart(2, '0')}-01`);
  for (; d < to; d = monthEnd(addMonths(`${d.slice(0, 7)}-01`, 3))) out.push(d);
  out.push(to);
  return out;
}

/**
 * Everything the report shows, computed once as of one date: the same analytics the CLI and
 * the dashboard use. `step` reports progress (for a progress bar).
 */
export async function collectReport(db: Db, o: { asOf: string; measure: string; step?: (label: string) => void }): Promise<ReportData> {
  const step = o.step ?? (() => {});
  const asOf = o.asOf;
  step('counts');
  await prepare(db);
  const [counts] = await db.all<ReportData['counts']>(
    `SELECT count(*) AS releases, count(*) FILTER (WHERE weights_available) AS open_all, count(DISTINCT org_id) AS labs,
       (SELECT count(DISTINCT oc.country) FROM org_countries oc WHERE oc.org_id IN (SELECT org_id FROM ap_releases($as_of))) AS countries,
       count(*) FILTER (WHERE date > $y1) AS releases_12m, count(*) FILTER (WHERE date > $y1 AND weights_available) AS open_12m,
       count(*) FILTER (WHERE date > $y2 AND date <= $y1) AS releases_prior, count(*) FILTER (WHERE date > $y2 AND date <= $y1 AND weights_available) AS open_prior
     FROM ap_releases($as_of)`,
    { as_of: asOf, y1: addMonths(asOf, -12), y2: addMonths(asOf, -24) },
  );
  step('trajectories');
  const byCountry = await trends(db, { asOf, by: 'country', period: 'year', metric: 'open-weights-share' });
  const byOrg = await trends(db, { asOf, by: 'org', period: 'year', metric: 'open-weights-share' });
  step('best open models');
  const best = await bestOpen(db, { asOf, measure: o.measure, top: 10 });
  const [range] = await runQuery<{ first: string | null }>(db, 'measure-dates', { measure: o.measure, as_of: asOf });
  const bestOverTime = range?.first ? await bestOpenByCountryOverTime(db, { measure: o.measure, dates: quarterEnds(range.first, asOf) }) : [];
  step('frontier gap');
  const frontier = await gap(db, { asOf, measure: o.measure });
  step('adoption');
  const adopt = await adoption(db, { asOf, by: 'country', period: 'month' });
  step('signals');
  const since = addMonths(asOf, -24);
  const sigs = (await signals(db, { asOf })).filter((s) => s.day > since).reverse();
  step('claims');
  const claims: ReportData['claims'] = [];
  for (const c of await loadClaims(db)) claims.push({ said: await evaluateClaim(db, c, c.said <= asOf ? c.said : asOf), now: await evaluateClaim(db, c, asOf) });
  step('sources');
  const cited = new Set<string>([
    ...claims.flatMap((c) => [...c.said.sources, ...c.now.sources]),
    ...best.ranking.flatMap((r) => r.sources),
    ...sigs.flatMap((s) => s.sources),
  ]);
  const observed = await db.all<{ id: string }>(
    `SELECT DISTINCT source_id AS id FROM capability_observations WHERE measure = $measure AND date <= CAST($as_of AS DATE)
     UNION SELECT DISTINCT source_id FROM adoption_observations WHERE date <= CAST($as_of AS DATE)`,
    { measure: o.measure, as_of: asOf },
  );
  observed.forEach((r) => cited.add(r.id));
  const sources = (await db.all<ReportSource>(`SELECT id, url, publisher, title, strftime(accessed, '%Y-%m-%d') AS accessed FROM sources ORDER BY id`)).filter((s) => cited.has(s.id));
  return { as_of: asOf, measure: o.measure, counts: counts!, byCountry, byOrg, bestOpen: best, bestOverTime, gap: frontier, adoption: adopt, signals: sigs, claims, sources };
}
