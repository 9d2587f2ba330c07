import { z } from 'zod';
import type { Db } from '../store/db.js';
import { addMonths, monthEnd } from '../analytics/as-of.js';
import { bestOpenByCountryOverTime, type CountryBestPoint } from '../analytics/best-open.js';
import { runQuery } from '../analytics/sql.js';
import { countryName } from '../domain/index.js';
import { AsOfParam, Measure } from './analytics-params.js';
import { bestOpenView, type BestOpenParams } from './best-open.js';
import { gapView, type GapParams } from './gap.js';
import { chooseView, type ChooseParams } from './choose.js';
import { measuresView } from './measures.js';

export const BestOpenHistoryParams = z.strictObject({ as_of: AsOfParam, measure: Measure });
export type BestOpenHistoryParams = z.infer<typeof BestOpenHistoryParams>;

/** Quarter-ends from a first day up to an as-of day, which is the last point. */
export function quarterEnds(from: string, to: string): string[] {
  const out: string[] = [];
  let d = monthEnd(from);
  while (Number(d.slice(5, 7)) % 3 !== 0) d = monthEnd(addMonths(`${d.slice(0, 7)}-01`, 1));
  for (; d < to; d = monthEnd(addMonths(`${d.slice(0, 7)}-01`, 3))) out.push(d);
  out.push(to);
  return out;
}

/** Countries drawn as lines: the ones that held a best score most often; the rest would be noise. */
export const TOP_COUNTRIES = 6;

/**
 * The best open-weights score of each country at every quarter-end, from the measure's first
 * observation to the as-of date (the overview's "best open model by country over time").
 */
export async function bestOpenHistoryView(db: Db, p: BestOpenHistoryParams) {
  const [range] = await runQuery<{ first: string | null; last: string | null }>(db, 'measure-dates', { measure: p.measure, as_of: p.as_of });
  const points: CountryBestPoint[] = range?.first ? await bestOpenByCountryOverTime(db, { measure: p.measure, dates: quarterEnds(range.first, p.as_of) }) : [];
  const latest = points.filter((x) => x.date === p.as_of).sort((a, b) => b.score - a.score);
  const top = latest.slice(0, TOP_COUNTRIES).map((x) => x.country);
  return {
    as_of: p.as_of,
    measure: p.measure,
    countries: top.map((c) => ({ code: c, name: countryName(c) })),
    points: points.filter((x) => top.includes(x.country)).map((x) => ({ ...x, country_name: countryName(x.country) })),
    latest: latest.map((x) => ({ ...x, country_name: countryName(x.country) })),
  };
}


/** The best-open page: the ranking at a date, its history by country, and the measures to pick from. */
export async function bestOpenPageView(db: Db, q: BestOpenParams) {
  const [best, history, measures] = await Promise.all([bestOpenView(db, q), bestOpenHistoryView(db, { as_of: q.as_of, measure: q.measure }), measuresView(db)]);
  return { ...best, history, measures };
}

/** The gap page: the frontier gap and the measures to pick from. */
export async function gapPageView(db: Db, q: GapParams) {
  const [g, measures] = await Promise.all([gapView(db, q), measuresView(db)]);
  return { ...g, measures };
}

/** The chooser page: ranked candidates for the constraints, and the measures to pick from. */
export async function choosePageView(db: Db, q: ChooseParams) {
  const [choice, measures] = await Promise.all([chooseView(db, q), measuresView(db)]);
  return { ...choice, params: q, measures };
}
