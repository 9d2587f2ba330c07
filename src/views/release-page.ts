import type { Db } from '../store/db.js';
import { licenseIdsOf } from '../facts/license-ids.js';
import { releaseView } from './release.js';
import { licenseView } from './licenses.js';
import { assessView } from './assess.js';

/**
 * One release for the dashboard: the release view plus what its page shows beside it, the
 * terms of each license in its expression, capability and adoption observations, related
 * releases and events, and every openness rubric's result with its reasons.
 */
export async function releasePageView(db: Db, id: string) {
  const release = await releaseView(db, id);
  if (!release) return undefined;
  const expression = (release as { license?: string | null }).license;
  const ids = expression ? licenseIdsOf(expression) : [];
  const [licenses, capability, adoption, derived, events] = await Promise.all([
    Promise.all((Array.isArray(ids) ? ids : []).map(async (lid) => (await licenseView(db, lid)) ?? { id: lid, name: lid, terms: null, sources: [] })),
    db.all(
      `SELECT measure, value, date_text AS date, source_id AS source FROM capability_observations WHERE release_id = $id ORDER BY measure, date`,
      { id },
    ),
    db.all(
      `SELECT repo, strftime(date, '%Y-%m-%d') AS date, downloads_30d, downloads_all_time, likes, finetunes, adapters, quantizations, merges, source_id AS source
       FROM adoption_observations WHERE release_id = $id ORDER BY repo, date`,
      { id },
    ),
    db.all(`SELECT id, name, date_text AS date, type FROM releases WHERE base_model_id = $id ORDER BY date, id`, { id }),
    db.all(
      `SELECT e.id, e.date_text AS date, e.kind, e.title FROM events e JOIN event_releases er ON er.event_id = e.id WHERE er.release_id = $id ORDER BY e.date`,
      { id },
    ),
  ]);
  // Rubric results are stored by the build; a database built before they existed has none.
  const rubrics = (await assessView(db, id, {}))?.rubrics ?? [];
  return { ...release, licenses, capability, adoption, derived, events, rubrics };
}

export const releaseIds = async (db: Db) => (await db.all<{ id: string }>('SELECT id FROM releases ORDER BY id')).map((r) => r.id);
