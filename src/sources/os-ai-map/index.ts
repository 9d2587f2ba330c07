import path from 'node:path';
import { snapshotOf, type Importer } from '../importer.js';
import { latest } from '../text.js';
import { parseScoreFile } from './parse.js';

/**
 * The Open Source AI Map (github.com/currentai-org/os-ai-map): per product, openness, adoption
 * and capability scores, each citing the pages it read. Only the Hub figures of those pages are
 * imported (downloads last month, likes, derivative counts, each on the day the page was read);
 * the Map's own scores and notes stay the Map's.
 */
export const osAiMapImporter: Importer = {
  id: 'os-ai-map',
  description: 'a checkout of the Open Source AI Map (a folder with sources/scores/*.yaml)',
  async locate(dir, fs) {
    const root = path.join(dir, 'os-ai-map');
    return (await fs.exists(path.join(root, 'sources', 'scores'))) ? root : undefined;
  },
  async read(dir, opts) {
    const scores = await scoresFolder(dir, opts.fs);
    const files = (await opts.fs.list(scores)).filter((f) => /\.ya?ml$/.test(f));
    const adoption = [];
    for (const [i, file] of files.entries()) {
      adoption.push(...parseScoreFile(await opts.fs.readText(path.join(scores, file)), path.basename(file).replace(/\.ya?ml$/, '')));
      opts.progress?.(i + 1, files.length);
    }
    const snapshot = snapshotOf(opts.snapshot, latest(adoption.map((a) => a.date)));
    return {
      dataset: {
        sourceId: 'os-ai-map',
        title: 'Open Source AI Map (sources/scores)',
        url: 'https://github.com/currentai-org/os-ai-map',
        publisher: 'currentai-org (GitHub)',
        license: 'MIT',
        snapshot,
      },
      releases: [],
      scores: [],
      adoption,
      orgs: [],
      skipped: {},
    };
  },
};

/** The scores folder, given the checkout, its sources/ folder or the scores folder itself. */
async function scoresFolder(dir: string, fs: { exists(f: string): Promise<boolean> }): Promise<string> {
  for (const candidate of [path.join(dir, 'sources', 'scores'), path.join(dir, 'scores'), dir]) {
    if (path.basename(candidate) === 'scores' && (await fs.exists(candidate))) return candidate;
  }
  throw new Error('no sources/scores folder');
}
