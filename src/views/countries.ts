import { z } from 'zod';
import type { Db } from '../store/db.js';
import { orgsView } from './orgs.js';
import { releasesView } from './releases.js';
import { accessByYear, shareByCountryYear } from './overview.js';
import { signalsPageView, SignalsPageParams } from './signals-page.js';
import { trendsPageView, TrendsPageParams } from './trends-page.js';

/**
 * Countries as a first-class field: every country a lab is based in (a lab may have several),
 * with its labs, releases and how many of them have downloadable weights.
 */
export async function countriesView(db: Db) {
  return db.all<{ code: string; name: string; labs: number; releases: number; open_weights: number; first_release: string | null; latest_release: string | null }>(
    `SELECT c.code, c.name, count(DISTINCT oc.org_id) AS labs, count(r.id) AS releases,
       count(r.id) FILTER (WHERE r.weights_available) AS open_weights,
       strftime(min(r.date), '%Y-%m-%d') AS first_release, strftime(max(r.date), '%Y-%m-%d') AS latest_release
     FROM countries c
     JOIN org_countries oc ON oc.country = c.code
     LEFT JOIN releases r ON r.org_id = oc.org_id
     GROUP BY c.code, c.name
     ORDER BY releases DESC, c.code`,
  );
}

export const CountryCode = z.string().regex(/^[A-Za-z]{2}$/, { error: 'expected a two-letter country code such as CN' }).transform((s) => s.toUpperCase());

/** One country: its labs, its releases and their access by year; undefined if no lab is based there. */
export async function countryView(db: Db, code: string) {
  const cc = code.toUpperCase();
  const country = await db.one<{ code: string; name: string }>('SELECT code, name FROM countries WHERE code = $code', { code: cc });
  if (!country) return undefined;
  const [labs, releases, access, share, signals, trajectory] = await Promise.all([
    orgsView(db, { country: cc }),
    releasesView(db, { country: cc }),
    accessByYear(db, { country: cc }),
    shareByCountryYear(db, { country: cc }),
    signalsPageView(db, SignalsPageParams.parse({ country: cc })),
    // "Is this country's output closing?": its share and latest flagship, year by year.
    trendsPageView(db, TrendsPageParams.parse({ by: 'country', country: cc, period: 'year' })),
  ]);
  return { ...country, labs, releases, accessByYear: access, shareByYear: share, signals, trajectory };
}
