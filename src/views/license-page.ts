import type { Db } from '../store/db.js';
import { licenseView } from './licenses.js';

/**
 * One license with the releases whose weights it covers, alone or inside an SPDX expression
 * ("Apache-2.0 OR MIT" counts for both).
 */
export async function licensePageView(db: Db, id: string) {
  const license = await licenseView(db, id);
  if (!license) return undefined;
  const releases = await db.all(
    `SELECT r.id, r.name, r.org_id AS org, o.name AS org_name, o.country, r.date_text AS date, r.access_summary AS access, r.license_id AS license
     FROM releases r JOIN organizations o ON o.id = r.org_id
     WHERE r.license_id = $id OR list_contains(string_split(regexp_replace(r.license_id, '[()]', ' ', 'g'), ' '), $id)
     ORDER BY r.date DESC, r.id`,
    { id },
  );
  return { ...license, releaseList: releases };
}

/** Every license with its full structured terms, for the side-by-side comparison. */
export async function licenseTermsView(db: Db) {
  const rows = await db.all<Record<string, unknown> & { terms_json: string | null }>(
    `SELECT l.id, l.name, l.category, l.osi_approved, l.registered, l.commercial_use, l.user_threshold, l.revenue_threshold_usd,
       l.acceptable_use_policy, l.attribution_required, l.naming_requirement, l.output_training_limit, l.share_alike, l.revocable, l.terms_json,
       (SELECT count(*) FROM releases r WHERE r.license_id = l.id) AS releases
     FROM licenses l ORDER BY releases DESC, l.id`,
  );
  return rows.map(({ terms_json, ...rest }) => ({ ...rest, terms: terms_json ? JSON.parse(terms_json) : null }));
}

export const licenseIds = async (db: Db) => (await db.all<{ id: string }>('SELECT id FROM licenses ORDER BY id')).map((r) => r.id);
