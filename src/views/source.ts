import type { Db } from '../store/db.js';

/** One source and every fact it backs: records citing it, component statuses, observations. */
export async function sourceView(db: Db, id: string) {
  const source = await db.one(
    `SELECT s.id, s.publisher, s.title, s.url, strftime(s.accessed, '%Y-%m-%d') AS accessed, s.kind, s.license, s.file, s.line FROM sources s WHERE s.id = $id`,
    { id },
  );
  if (!source) return undefined;
  const [records, components, capability, adoption] = await Promise.all([
    db.all<{ kind: string; id: string; name: string | null }>(
      `SELECT c.record_kind AS kind, c.record_id AS id,
         coalesce((SELECT name FROM releases WHERE id = c.record_id AND c.record_kind = 'release'),
                  (SELECT name FROM organizations WHERE id = c.record_id AND c.record_kind = 'org'),
                  (SELECT name FROM families WHERE id = c.record_id AND c.record_kind = 'family'),
                  (SELECT name FROM licenses WHERE id = c.record_id AND c.record_kind = 'license'),
                  (SELECT title FROM events WHERE id = c.record_id AND c.record_kind = 'event'),
                  (SELECT statement FROM claims WHERE id = c.record_id AND c.record_kind = 'claim')) AS name
       FROM citations c WHERE c.source_id = $id ORDER BY c.record_kind, c.record_id`,
      { id },
    ),
    db.all(`SELECT release_id AS release, component, status, license, url FROM components WHERE source_id = $id ORDER BY release_id, component`, { id }),
    db.all(`SELECT release_id AS release, measure, value, date_text AS date FROM capability_observations WHERE source_id = $id ORDER BY date, release_id`, { id }),
    db.all(`SELECT repo, release_id AS release, strftime(date, '%Y-%m-%d') AS date, downloads_30d, likes FROM adoption_observations WHERE source_id = $id ORDER BY date, repo`, { id }),
  ]);
  return { ...source, records, components, capability, adoption };
}

export const sourceIds = async (db: Db) => (await db.all<{ id: string }>('SELECT id FROM sources ORDER BY id')).map((r) => r.id);
