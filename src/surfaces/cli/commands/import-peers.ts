import { writeFileAtomic } from '../../../lib/files.js';
import path from 'node:path';
import { CliError } from '../../../lib/errors.js';
import { displayPath } from '../../../lib/paths.js';
import type { FactBase } from '../../../facts/fact-base.js';
import { peerFile, renderPeers, resolvePeers, type PeerImportSummary } from '../../../facts/peers/index.js';
import type { ImportFs, ImportOptions } from '../../../sources/index.js';
import type { PeerImporter } from '../../../sources/peer-importer.js';

export interface PeerRunOptions {
  dataDir: string;
  fs: ImportFs;
  /** The fact base entries are matched against (curated releases and earlier imports). */
  facts: FactBase;
  snapshot?: string;
  dryRun?: boolean;
  progress?: ImportOptions['progress'];
}

/**
 * The peer path of `aperture import`: read the index, tie its entries to releases, write
 * data/imported/<peer>/entries.yaml (to a temporary name first, so a failed run leaves the
 * previous file intact). Nothing is added to releases: the judgments stay the peer's.
 */
export async function runPeerImport(importer: PeerImporter, from: string, opts: PeerRunOptions): Promise<PeerImportSummary> {
  const batch = await importer.readPeers(from, { fs: opts.fs, snapshot: opts.snapshot, progress: opts.progress }).catch((error: unknown) => {
    throw new CliError(`${importer.id}: cannot read ${displayPath(from)}: ${error instanceof Error ? error.message : String(error)}`, {
      hint: `expected ${importer.description}`,
    });
  });
  const out = resolvePeers(opts.facts, batch);
  if (!opts.dryRun) {
    const file = path.join(opts.dataDir, peerFile(importer.id));
    await writeFileAtomic(file, renderPeers(out, `aperture import ${importer.id}`));
  }
  return out.summary;
}
