import path from 'node:path';
import type { UpstreamScore } from '../../domain/index.js';
import { atPath, snapshotOf, type Importer } from '../importer.js';
import { latest } from '../text.js';
import { parseLmarenaSnapshot, snapshotDate } from './parse.js';

/**
 * LMArena (formerly LMSYS Chatbot Arena) text leaderboard, as dated CSV snapshots
 * (github.com/fboulnois/llm-leaderboard-csv, MPL-2.0). Reads every `*.csv` with a date in its
 * name under `history/` (text arenas only): each row becomes a dated `lmarena-text` score.
 */
export const lmarenaImporter: Importer = {
  id: 'lmarena',
  description: 'LMArena text leaderboard CSV snapshots (a folder with history/<arena>/<date>.csv)',
  locate: atPath('lmarena'),
  async read(folder, opts) {
    const files = (await opts.fs.list(folder)).filter((f) => isTextHistory(f) && snapshotDate(path.basename(f)));
    const scores: UpstreamScore[] = [];
    let done = 0;
    for (const rel of files) {
      scores.push(...parseLmarenaSnapshot(await opts.fs.readText(path.join(folder, rel)), snapshotDate(path.basename(rel))!));
      opts.progress?.(++done, files.length);
    }
    return {
      dataset: {
        sourceId: 'lmarena-leaderboard-history',
        title: 'LMArena text leaderboard snapshots (llm-leaderboard-csv)',
        url: 'https://github.com/fboulnois/llm-leaderboard-csv',
        publisher: 'LMArena (collected by fboulnois/llm-leaderboard-csv)',
        license: 'MPL-2.0',
        snapshot: snapshotOf(opts.snapshot, latest(files.map((f) => snapshotDate(path.basename(f))))),
      },
      releases: [],
      scores,
      orgs: [],
      skipped: {},
    };
  },
};

/** Text arena history only: vision and image arenas rate other things on other scales. */
function isTextHistory(rel: string): boolean {
  const parts = rel.split('/');
  return parts.includes('history') && /\.csv$/.test(rel) && !/vision|image|webdev|copilot/i.test(rel);
}
