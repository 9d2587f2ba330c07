import type { PeerBatch } from '../domain/index.js';
import type { Importer, ImportOptions } from './importer.js';

/**
 * A peer openness index (EOSAI, MOT). Its judgments do not fit an UpstreamBatch (releases,
 * scores, attributes), so it reads a PeerBatch instead, which `aperture import` hands to the
 * peer path (src/facts/peers). It still is an Importer, so it is listed, located and run by
 * `import --all` like every other source.
 */
export interface PeerImporter extends Importer {
  readPeers(path: string, opts: ImportOptions): Promise<PeerBatch>;
}

export function isPeerImporter(i: Importer): i is PeerImporter {
  return typeof (i as Partial<PeerImporter>).readPeers === 'function';
}

/**
 * `read` of a peer importer: merging peer judgments as upstream releases would turn them into
 * our facts, so this refuses loudly instead.
 */
export function peersOnly(id: string): Importer['read'] {
  return () => Promise.reject(new Error(`${id} is a peer index: its entries are read with readPeers and written by the peer import path`));
}
