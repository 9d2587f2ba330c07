import { stageCsvTable, type Fetched, type StageOptions, type StageResult } from './stage.js';

/**
 * Epoch AI's ECI table, the eci_scores.csv the epoch-eci importer reads from a folder.
 *
 * Epoch publishes it at https://epoch.ai/data/eci_scores.csv: that is the URL the daily mirror
 * github.com/TheoBearman/ECI-Accessibility-Gap reads (scripts/update_data.py, ECI_SCORES_URL,
 * read 2026-12-03), with the columns Model, eci, eci_ci_low, eci_ci_high, date, Organization and
 * the accessibility fields. The importer's optional benchmark_series.json is not a file Epoch
 * publishes: that mirror builds it from Epoch's Airtable base with an access token
 * (scripts/benchmark_fetcher.py), so an ingest reads the ECI table alone, and the frontier
 * series still come from `aperture import epoch-eci <dir>` on such a folder.
 */
export const EPOCH_ECI_CSV = 'https://epoch.ai/data/eci_scores.csv';

export function stageEpochEci(pages: Fetched[], opts: StageOptions): StageResult {
  const staged = stageCsvTable(pages[0]!.body, opts, {
    required: [['Model'], ['eci']],
    // An empty eci is a row Epoch has not scored (the importer counts those); text there is not.
    invalid: (r) => (!r.Model?.trim() ? 'no model name' : r.eci?.trim() && !Number.isFinite(Number(r.eci)) ? `"eci" must be a number, got ${JSON.stringify(r.eci)}` : undefined),
    dateOf: (r) => r.date?.slice(0, 10),
  });
  if (!staged.ok) return staged;
  const { text, ...counts } = staged.value;
  return { ok: true, value: { ...counts, files: { 'eci_scores.csv': text }, importPath: '.' } };
}
