import type { Db } from '../store/db.js';
import { queries } from '../store/queries.js';
import { sqlFile } from '../store/sql.js';

/** One release with every component, its hub repos, access channels and sources; undefined if unknown. */
export async function releaseView(db: Db, asked: string) {
  let id = asked;
  let release = await queries.release(db, id);
  // An id merged into another release (data/aliases/releases.yaml merged_ids) still resolves.
  const [merged] = release ? [] : await db.all<{ release_id: string }>('SELECT release_id FROM release_merged_ids WHERE merged_id = $id', { id });
  if (merged) {
    id = merged.release_id;
    release = await queries.release(db, id);
  }
  if (!release) return undefined;
  const [states, endpoint] = await Promise.all([
    db.all<{ date: string; access: string; license: string | null; source: string | null }>(
      'SELECT date_text AS date, channels AS access, license_id AS license, source_id AS source FROM release_states WHERE release_id = $id ORDER BY seq', { id }),
    db.all<{ endpoint_of: string }>('SELECT endpoint_of FROM release_endpoints WHERE release_id = $id', { id }),
  ]);
  const [components, sources, access, repos, modalities, peers] = await Promise.all([
    queries.releaseComponents(db, id),
    queries.recordSources(db, 'release', id),
    db.all<{ channel: string }>('SELECT channel FROM release_access WHERE release_id = $id', { id }),
    db.all<{ repo: string }>('SELECT repo FROM release_hf_repos WHERE release_id = $id ORDER BY repo', { id }),
    db.all<{ modality: string }>('SELECT modality FROM release_modalities WHERE release_id = $id', { id }),
    db.all(sqlFile('release-peers'), { id }),
  ]);
  return {
    ...release,
    access: access.map((a) => a.channel),
    modalities: modalities.map((m) => m.modality),
    hf_repos: repos.map((r) => r.repo),
    components,
    sources,
    /** What EOSAI and MOT say about it, attributed to them. */
    peers,
    // Only when there is something to say, so records without them read as before.
    ...(merged ? { merged_from: asked } : {}),
    ...(endpoint[0] ? { endpoint_of: endpoint[0].endpoint_of } : {}),
    /** Access and license from each date on: as first released, then after each change. */
    ...(states.length > 1 ? { history: states.map((s) => ({ ...s, access: s.access.split(',') })) } : {}),
  };
}
