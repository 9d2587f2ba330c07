import path from 'node:path';
import { type EosaiEntry, type PeerUpstreamEntry } from '../../domain/index.js';
import { peersOnly, type PeerImporter } from '../peer-importer.js';
import { snapshotOf } from '../importer.js';
import { parseEosaiFile } from './parse.js';

export const OSAI_INDEX_SOURCE = 'osai-index';

/**
 * The European Open Source AI Index (osai-index.eu): one YAML file per model family, 12
 * parameters graded open / partial / closed. CC-BY-4.0, credited as the index asks (a link to
 * osai-index.eu and Liesenfeld & Dingemanse, FAccT 2024). The files carry no snapshot date:
 * it must be given with --snapshot (the day they were read from the repository).
 */
export const osaiIndexImporter: PeerImporter = {
  id: 'osai-index',
  description: 'European Open Source AI Index project files (a folder of *.yaml, one per model)',
  async locate(dir, fs) {
    const folder = path.join(dir, 'osai-index');
    const files = await fs.list(folder).catch(() => []);
    return files.some((f) => /\.ya?ml$/.test(f)) ? folder : undefined;
  },
  read: peersOnly('osai-index'),
  async readPeers(dir, opts) {
    const files = (await opts.fs.list(dir)).filter((f) => /\.ya?ml$/.test(f) && !f.includes('/'));
    const entries: PeerUpstreamEntry<EosaiEntry>[] = [];
    const skipped: Record<string, number> = {};
    for (const [i, file] of files.entries()) {
      const parsed = parseEosaiFile(file, await opts.fs.readText(path.join(dir, file)));
      if (parsed.ok) entries.push(parsed.value);
      else skipped[parsed.reason] = (skipped[parsed.reason] ?? 0) + 1;
      opts.progress?.(i + 1, files.length);
    }
    return {
      peer: 'osai-index',
      dataset: {
        id: OSAI_INDEX_SOURCE,
        url: 'https://osai-index.eu/',
        publisher: 'European Open Source AI Index (Liesenfeld & Dingemanse, FAccT 2024)',
        title: 'European Open Source AI Index, model database (github.com/Language-Technology-Assessment/main-database)',
        license: 'CC-BY-4.0',
        accessed: snapshotOf(opts.snapshot, undefined),
        kind: 'dataset',
      },
      entries,
      skipped,
    };
  },
};
