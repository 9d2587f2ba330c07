import type { AdoptionObservation } from '../../domain/index.js';
import type { RepoResult } from './results.js';

export interface ObservationContext {
  /** The day the figures were read (YYYY-MM-DD). */
  day: string;
  /** The source record every observation of the run cites. */
  sourceId: string;
  /** The release whose hf_repos holds the repo. */
  releaseOf(repo: string): string | undefined;
}

/**
 * The adoption observations of one refresh: one per repo the Hub answered for, sorted by repo.
 * Derivative counts appear only for listings read to their end; a repo with none has no
 * `derivatives` at all, which the analytics read as "not observed", not as zero.
 */
export function toObservations(results: readonly RepoResult[], ctx: ObservationContext): AdoptionObservation[] {
  const out: AdoptionObservation[] = [];
  for (const r of results) {
    if (!r.ok) continue;
    const release = ctx.releaseOf(r.repo);
    const { downloads30d, downloadsAllTime, likes } = r.figures;
    const derivatives = Object.keys(r.derivatives).length ? { derivatives: { ...r.derivatives } } : {};
    out.push({
      repo: r.repo,
      ...(release ? { release } : {}),
      date: ctx.day,
      downloads_30d: downloads30d,
      ...(downloadsAllTime !== undefined ? { downloads_all_time: downloadsAllTime } : {}),
      likes,
      ...derivatives,
      source: ctx.sourceId,
    });
  }
  return out.sort((a, b) => a.repo.localeCompare(b.repo));
}
