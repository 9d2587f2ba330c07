import type { UpstreamRelease, UpstreamScore } from '../../domain/index.js';
import { beforeFloor, partialDate, typeFromName } from '../text.js';

type Row = Record<string, string>;

/**
 * The six v2 benchmarks, as measure ids, with the CSV column holding the normalized score (0-100).
 * Prefixed `oll-`: the leaderboard rescales each score so random guessing is 0 and runs its own
 * harness, so its GPQA or MMLU-Pro figure is not the lab-reported `gpqa` / `mmlu-pro` one and
 * must never be ranked with it.
 */
export const OLL_MEASURES: ReadonlyArray<[string, string]> = [
  ['oll-ifeval', 'evaluations_ifeval_normalized_score'],
  ['oll-bbh', 'evaluations_bbh_normalized_score'],
  ['oll-math-lvl-5', 'evaluations_math_normalized_score'],
  ['oll-gpqa', 'evaluations_gpqa_normalized_score'],
  ['oll-musr', 'evaluations_musr_normalized_score'],
  ['oll-mmlu-pro', 'evaluations_mmlu_pro_normalized_score'],
];

/**
 * The Hub stamped 2022-03-02 on every repo migrated from the old model hub: it is not when the
 * model came out, so such rows carry no release date.
 */
const HUB_MIGRATION_DATE = '2022-03-02';

/** The base model column names the repo itself for originals, and may carry a " (Merge)" label. */
function baseRepo(field: string | undefined, repo: string): { repo: string } | undefined {
  const base = field?.replace(/\s*\(.*\)\s*$/, '').trim();
  return base && base.includes('/') && base.toLowerCase() !== repo.toLowerCase() ? { repo: base } : undefined;
}

export interface OllParse {
  releases: UpstreamRelease[];
  scores: UpstreamScore[];
  skipped: Record<string, number>;
}

/**
 * Rows of the retired Open LLM Leaderboard v2. One repo can be evaluated several times (per
 * precision); the first row of a repo wins. Models from official providers may become releases;
 * every repo contributes scores to a release that already carries its Hub id.
 */
export function parseOllRows(rows: Row[]): OllParse {
  const skipped: Record<string, number> = {};
  const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);
  const seen = new Set<string>();
  const releases: UpstreamRelease[] = [];
  const scores: UpstreamScore[] = [];
  for (const row of rows) {
    const repo = row['model_name']?.trim();
    if (!repo || !repo.includes('/')) continue;
    if (seen.has(repo.toLowerCase())) {
      skip('repeated evaluation of the same repo');
      continue;
    }
    seen.add(repo.toLowerCase());
    if (row['features_is_flagged'] === 'TRUE') {
      skip('flagged by the leaderboard');
      continue;
    }
    const [owner, name] = repo.split('/') as [string, string];
    const uploaded = partialDate(row['metadata_upload_date']);
    const date = uploaded === HUB_MIGRATION_DATE ? undefined : uploaded;
    const official = row['features_is_official_provider'] === 'TRUE';
    const params = Number(row['metadata_params_billions']);
    const license = row['metadata_hub_license']?.trim();
    if (official) {
      releases.push({
        name,
        orgNames: [owner],
        date: beforeFloor(date) ? undefined : date,
        dateIsProxy: true,
        params: Number.isFinite(params) && params > 0 ? { total: Math.round(params * 1e9) } : undefined,
        // Evaluated from the repo's public files: the weights are downloadable (gated or not, the
        // CSV does not say). `features_is_not_available_on_hub` is TRUE for every official model,
        // so the flattened column name says the opposite of the leaderboard's "available on the hub".
        access: ['open-weights'],
        license: license && license !== 'other' && license !== 'unknown' ? license : undefined,
        hfRepos: [repo],
        modalities: ['text'],
        type: row['model_type'] === 'pretrained' ? 'base' : row['model_type'] === 'chatmodels' ? 'instruct' : typeFromName(name),
        url: `https://huggingface.co/${repo}`,
        baseModel: baseRepo(row['metadata_base_model'], repo),
        creates: true,
        incomplete: !date ? (uploaded === HUB_MIGRATION_DATE ? 'upload date is the 2022-03-02 Hub migration stamp' : 'no upload date') : undefined,
      });
    }
    const evaluated = partialDate(row['metadata_submission_date']);
    if (!evaluated) continue;
    for (const [measure, column] of OLL_MEASURES) {
      const value = Number(row[column]);
      if (row[column] === undefined || row[column] === '' || !Number.isFinite(value)) continue;
      scores.push({ name, orgNames: [owner], hfRepo: repo, measure, value: Math.round(value * 100) / 100, date: evaluated, quiet: !official });
    }
  }
  return { releases, scores, skipped };
}
