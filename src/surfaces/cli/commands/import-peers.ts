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
  progress?: ImportOptions['progress'];
}

export interface PeerRun {
  summary: PeerImportSummary;
  /** The generated file, relative to data/, and its text: written with the import's other files. */
  file: string;
  text: string;
  /** Entries read, for the checks that refuse an empty or shrunken import. */
  entries: number;
}

/**
 * The peer path of `aperture import`: read the index, tie its entries to releases and render
 * data/imported/<peer>/entries.ndjson, which runImports writes with the rest of the import.
 * Nothing is added to releases: the judgments stay the peer's.
 */
export async function runPeerImport(importer: PeerImporter, from: string, opts: PeerRunOptions): Promise<PeerRun> {
  const batch = await importer.readPeers(from, { fs: opts.fs, snapshot: opts.snapshot, progress: opts.progress }).catch((error: unknown) => {
    throw new CliError(`${importer.id}: cannot read ${displayPath(from)}: ${error instanceof Error ? error.message : String(error)}`, {
      hint: `expected ${importer.description}`,
    });
  });
  const out = resolvePeers(opts.facts, batch);
  return { summary: out.summary, file: peerFile(importer.id), text: renderPeers(out, `aperture import ${importer.id}`), entries: out.entries.length };
}
