import type { Db } from '../store/db.js';
import { queries } from '../store/queries.js';
import { sqlFile } from '../store/sql.js';

/** One release with every component, its hub repos, access channels and sources; undefined if unknown. */
export async function releaseView(db: Db, id: string) {
  const release = await queries.release(db, id);
  if (!release) return undefined;
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
  };
}
