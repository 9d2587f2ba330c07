import type { EvidenceWindow } from '../../analytics/evidence-window.js';

const SHOWN = 8;

/**
 * The evidence window of a capability answer as a block printed before it, so nobody reads a
 * ranking without seeing how current its scores are.
 */
export function renderWindow(w: EvidenceWindow): string {
  const kind = w.scope === 'open-weights' ? 'open ' : '';
  const head = `EVIDENCE WINDOW ${w.measure} as of ${w.as_of}: ${w.status.toUpperCase()}`;
  if (w.newest_observation === null) return `${head}\n  no ${w.measure} score on or before ${w.as_of}`;
  const lines = [
    head,
    `  newest score ${w.newest_observation}${w.newest_observation < w.window_start ? `, older than the ${w.max_age_days}-day window starting ${w.window_start}: no score is used` : ` (scores since ${w.window_start} are used)`}`,
    w.coverage.flagships
      ? `  coverage: ${w.coverage.scored_flagships} of ${w.coverage.flagships} ${kind}flagships released ${w.coverage.from} to ${w.coverage.to} have a score (${Math.round((w.coverage.share ?? 0) * 100)}%)`
      : `  coverage: no ${kind}flagship released ${w.coverage.from} to ${w.coverage.to}`,
  ];
  const after = w.released_after;
  if (after.count) {
    const flag = after.releases.filter((r) => r.flagship);
    const shown = (flag.length ? flag : after.releases).slice(0, SHOWN).map((r) => r.id);
    const rest = (flag.length ? flag.length : after.count) - shown.length;
    lines.push(`  ${after.count} ${kind}release(s) came out after the newest score (${after.flagships} flagships) and cannot be ranked: ${shown.join(', ')}${rest > 0 ? `, and ${rest} more${flag.length ? ' flagships' : ''}` : ''}`);
  }
  return lines.join('\n');
}
