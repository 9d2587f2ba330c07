import { atPath, snapshotOf, type Importer } from '../importer.js';
import { readCsv } from '../csv.js';
import { latest } from '../text.js';
import { parseOllRows } from './parse.js';

/**
 * The retired Open LLM Leaderboard v2 (huggingface_v2.csv from fboulnois/llm-leaderboard-csv):
 * Hub license, base model, parameters and the six benchmark scores, dated by submission.
 */
export const openLlmLeaderboardImporter: Importer = {
  id: 'open-llm-leaderboard',
  description: 'Open LLM Leaderboard v2 CSV (huggingface_v2.csv)',
  locate: atPath('open-llm-leaderboard', 'huggingface_v2.csv'),
  async read(file, opts) {
    const rows = readCsv(await opts.fs.readText(file));
    opts.progress?.(rows.length, rows.length);
    const parsed = parseOllRows(rows);
    return {
      dataset: {
        sourceId: 'open-llm-leaderboard-v2',
        title: 'Open LLM Leaderboard v2 (archived results)',
        url: 'https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard',
        publisher: 'Hugging Face (collected by fboulnois/llm-leaderboard-csv)',
        license: 'MPL-2.0',
        snapshot: snapshotOf(opts.snapshot, latest(rows.map((r) => r['metadata_submission_date']))),
        // Releases it creates are dated by the Hub repo's upload (metadata_upload_date).
        dateKind: 'upload',
      },
      releases: parsed.releases,
      scores: parsed.scores,
      orgs: [],
      skipped: parsed.skipped,
    };
  },
};
