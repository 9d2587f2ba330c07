import type { EvidenceWindow } from '../../analytics/evidence-window.js';
import type { MeasureVerdict } from '../../claims/types.js';
import { html, type Html } from './html.js';
import type { RenderContext } from './page.js';

const SHOWN = 12;

const STATUS_WORDS: Record<EvidenceWindow['status'], string> = {
  full: 'Current: every flagship of the window is scored',
  partial: 'Partial: some flagships of the window have no score',
  stale: 'Stale: no current score',
  none: 'No score',
};

/**
 * The evidence window as a notice placed above a capability answer: how current its scores
 * are, how many flagships of the window are scored, and the releases that came out after the
 * newest score (linked), so a ranking is never read without its date of evidence.
 */
export function evidenceNotice(w: EvidenceWindow, ctx: RenderContext): Html {
  const kind = w.scope === 'open-weights' ? 'open ' : '';
  const after = w.released_after;
  const listed = (after.releases.some((r) => r.flagship) ? after.releases.filter((r) => r.flagship) : after.releases).slice(0, SHOWN);
  return html`<aside class="evidence-window evidence-${w.status}" role="note" aria-label="Evidence window for ${w.measure}">
<p><strong>Evidence window, <code>${w.measure}</code>: ${STATUS_WORDS[w.status]}.</strong>
${w.newest_observation === null ? ` No ${w.measure} score on or before ${w.as_of}.`
  : html` Newest score ${w.newest_observation}${w.newest_observation < w.window_start ? html`, <strong>older than the ${w.max_age_days}-day window starting ${w.window_start}: no score is used</strong>` : ` (scores from ${w.window_start} on are used)`}.
${w.coverage.flagships ? ` ${w.coverage.scored_flagships} of ${w.coverage.flagships} ${kind}flagships released ${w.coverage.from} to ${w.coverage.to} have a score.` : ` No ${kind}flagship was released ${w.coverage.from} to ${w.coverage.to}.`}`}</p>
${after.count ? html`<p>${after.count} ${kind}release${after.count === 1 ? '' : 's'} (${after.flagships} flagship${after.flagships === 1 ? '' : 's'}) came out after the newest score and cannot be ranked: ${listed.map((r, i) => html`${i ? ', ' : ''}<a href="${ctx.href(`/releases/${r.id}`)}">${r.name}</a>`)}${after.count > listed.length ? ` and ${after.count - listed.length} more` : ''}.</p>` : ''}
</aside>`;
}

/** The evidence windows of a claim's measures, one line each, saying which were checked. */
export function measureNotices(list: readonly MeasureVerdict[] | undefined, ctx: RenderContext): Html | '' {
  if (!list?.length) return '';
  return html`<ul class="evidence-measures">${list.map((m) => html`<li><strong>${m.checked ? `checked (${m.verdict.replace('-', ' ')})` : 'not checked'}</strong>: ${evidenceNotice(m.window, ctx)}</li>`)}</ul>`;
}
