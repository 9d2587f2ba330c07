import { fail, stageCsvTable, type Fetched, type StageOptions, type StageResult } from './stage.js';

/**
 * The LMArena text leaderboard as a CSV, the form the lmarena importer reads (one dated file
 * under history/<arena>/).
 *
 * LMArena itself publishes its leaderboard data in the Hugging Face space
 * lmarena-ai/lmarena-leaderboard as `elo_results_<YYYYMMDD>.pkl` (Python pickles of pandas
 * data frames, holding the ratings) beside `leaderboard_table_<YYYYMMDD>.csv` (names,
 * organizations, licenses, no ratings). A pickle cannot be read safely (or at all without a
 * Python runtime) here, so we do not ingest that form. github.com/fboulnois/llm-leaderboard-csv
 * (MPL-2.0) converts it daily: huggingface.py (read 2026-12-03) clones that space, takes
 * `data['text']['full']['leaderboard_table_df']` from the newest pickle and writes
 * csv/lmarena_text.csv with the columns rank, rank_stylectrl, model, arena_score, 95_pct_ci,
 * votes, organization, license, knowledge_cutoff, url; .github/workflows/release.yml runs it at
 * 11:00 UTC and publishes the CSVs as assets of a release named by the day (YYYY.MM.DD). The
 * default endpoint is the latest release's asset; GitHub redirects it to
 * /releases/download/<tag>/lmarena_text.csv, and that tag dates the snapshot.
 */
export const LMARENA_TEXT_CSV = 'https://github.com/fboulnois/llm-leaderboard-csv/releases/latest/download/lmarena_text.csv';

const TAG = /\/releases\/download\/(\d{4})\.(\d{2})\.(\d{2})\//;

export function stageLmarena(pages: Fetched[], opts: StageOptions): StageResult {
  const page = pages[0]!;
  const t = TAG.exec(page.finalUrl);
  const snapshot = t ? `${t[1]}-${t[2]}-${t[3]}` : undefined;
  const staged = stageCsvTable(page.body, opts, {
    required: [['model'], ['arena_score', 'arena_elo']],
    invalid: (r) => {
      if (!r.model?.trim()) return 'no model name';
      const score = r.arena_score ?? r.arena_elo ?? '';
      const value = Number(score);
      return score.trim() && Number.isFinite(value) && value > 0 ? undefined : `the rating must be a number above 0, got ${JSON.stringify(score)}`;
    },
  });
  if (!staged.ok) return staged;
  if (!staged.value.kept && !staged.value.received) return fail('the leaderboard has no rows');
  const day = (snapshot ?? opts.day).replace(/-/g, '.');
  const { text, ...counts } = staged.value;
  return {
    ok: true,
    value: {
      ...counts,
      notes: opts.since ? ['--since not applied: a leaderboard is one snapshot, dated as a whole'] : [],
      files: { [`history/lmarena_text/${day}.csv`]: text },
      importPath: '.',
      snapshot,
      about: { snapshot_from: snapshot ? `release tag in ${page.finalUrl}` : 'the day fetched (the URL names no release tag)' },
    },
  };
}
