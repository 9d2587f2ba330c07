import type { UpstreamScore } from '../../domain/index.js';
import { readCsv } from '../csv.js';

/** The ECI measure: one version of one method, never mixed with the frontier benchmarks below. */
export const ECI_MEASURE = 'epoch-eci';

/**
 * Epoch's frontier series, as measure ids. Epoch runs these benchmarks itself, so their scores
 * are a different method from a lab's self-reported number on the same benchmark and get their
 * own `epoch-` ids. The ECI series is left out: eci_scores.csv is the ECI table, with intervals,
 * and the series holds values of another fit of the same index.
 */
export const SERIES_MEASURES: Record<string, string> = {
  gpqa_diamond: 'epoch-gpqa-diamond',
  frontiermath_public: 'epoch-frontiermath',
  math_level_5: 'epoch-math-level-5',
  swe_bench_verified: 'epoch-swe-bench-verified',
  simpleqa_verified: 'epoch-simpleqa-verified',
  chess_puzzles: 'epoch-chess-puzzles',
  otis_mock_aime: 'epoch-otis-mock-aime',
};

/** METR's time horizon is published per version; each version is its own measure. */
const METR = 'metr_time_horizon';

/**
 * eci_scores.csv: one row per model with its ECI and 90% interval. The score is dated by the
 * snapshot (the day the table was read), not by the model's release date: Epoch refits the
 * index as benchmarks arrive, so the value is what was known on the snapshot day.
 */
export function parseEciTable(text: string, snapshot: string): { scores: UpstreamScore[]; skipped: number } {
  const scores: UpstreamScore[] = [];
  let skipped = 0;
  for (const row of readCsv(text)) {
    const name = row['Model']?.trim();
    const value = Number(row['eci']);
    if (!name || !row['eci']?.trim() || !Number.isFinite(value)) {
      skipped++;
      continue;
    }
    const low = Number(row['eci_ci_low']);
    const high = Number(row['eci_ci_high']);
    const org = row['Organization']?.split(',')[0]?.trim();
    scores.push({
      name, orgNames: org ? [org] : [], measure: ECI_MEASURE, value, date: snapshot,
      ...(row['eci_ci_low']?.trim() && row['eci_ci_high']?.trim() && Number.isFinite(low) && Number.isFinite(high) ? { low, high } : {}),
    });
  }
  return { scores, skipped };
}

interface SeriesModel {
  model?: unknown;
  organization?: unknown;
  score?: unknown;
  p50_ci_low?: unknown;
  p50_ci_high?: unknown;
  source_version?: unknown;
}
interface SeriesFile {
  last_updated?: unknown;
  benchmarks?: Record<string, { metadata?: { source_url?: unknown }; models?: SeriesModel[] }>;
}

/** The day benchmark_series.json says it was last updated, if it says. */
export function seriesSnapshot(text: string): string | undefined {
  const parsed = parseJson(text);
  const d = typeof parsed.last_updated === 'string' ? parsed.last_updated.slice(0, 10) : undefined;
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined;
}

/**
 * benchmark_series.json: per benchmark, the models on Epoch's frontier with their score. Dated
 * by the snapshot like the ECI table. METR rows keep their interval and cite METR's page.
 */
export function parseSeries(text: string, snapshot: string): { scores: UpstreamScore[]; skipped: Record<string, number> } {
  const file = parseJson(text);
  const scores: UpstreamScore[] = [];
  const skipped: Record<string, number> = {};
  for (const [id, bench] of Object.entries(file.benchmarks ?? {})) {
    const measureOf = (m: SeriesModel) => (id === METR ? (typeof m.source_version === 'string' ? `metr-time-horizon-v${m.source_version}` : undefined) : SERIES_MEASURES[id]);
    const url = id === METR && typeof bench.metadata?.source_url === 'string' ? bench.metadata.source_url : undefined;
    for (const m of bench.models ?? []) {
      const measure = measureOf(m);
      const value = typeof m.score === 'number' ? m.score : NaN;
      if (!measure || typeof m.model !== 'string' || !Number.isFinite(value)) {
        if (id !== 'eci') skipped[`${id}: no score or no version`] = (skipped[`${id}: no score or no version`] ?? 0) + 1;
        continue;
      }
      const interval = typeof m.p50_ci_low === 'number' && typeof m.p50_ci_high === 'number' ? { low: m.p50_ci_low, high: m.p50_ci_high } : {};
      scores.push({
        name: m.model, orgNames: typeof m.organization === 'string' ? [m.organization] : [], measure, value, date: snapshot, ...interval, ...(url ? { url } : {}),
      });
    }
  }
  return { scores, skipped };
}

function parseJson(text: string): SeriesFile {
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('benchmark_series.json: expected an object with "benchmarks"');
  return parsed as SeriesFile;
}
