import { z } from 'zod';
import type { Db } from '../store/db.js';
import { AsOf, addMonths, resolveAsOf } from '../analytics/as-of.js';
import { evaluateClaim, loadClaims, type ClaimResult } from '../claims/evaluate.js';
import { claimTimeline } from '../claims/timeline.js';

/** `said` (the default) checks each claim as of the day it was made; `today` or a date re-checks it then. */
const ClaimAsOf = z
  .string()
  .default('said')
  .transform((text, ctx) => {
    if (text === 'said') return 'said' as const;
    const day = resolveAsOf(text);
    if (typeof day === 'string') return day;
    ctx.addIssue({ code: 'custom', message: `${day.error}, or "said" for the day each claim was made` });
    return z.NEVER;
  });

export const ClaimsParams = z.strictObject({ as_of: ClaimAsOf, id: z.string().min(1).optional() });
export type ClaimsParams = z.infer<typeof ClaimsParams>;

/** Every claim's verdict with evidence and explanation (or one claim's, with `id`). */
export async function claimsView(db: Db, p: ClaimsParams): Promise<{ as_of: string; claims: ClaimResult[] }> {
  const claims = (await loadClaims(db)).filter((c) => !p.id || c.id === p.id);
  const results: ClaimResult[] = [];
  for (const c of claims) results.push(await evaluateClaim(db, c, p.as_of === 'said' ? c.said : p.as_of));
  return { as_of: p.as_of, claims: results };
}

export const ClaimTimelineParams = z.strictObject({
  id: z.string().min(1),
  from: AsOf.optional(),
  to: AsOf.prefault('today'),
  step: z.enum(['month', 'quarter', 'year']).default('quarter'),
});
export type ClaimTimelineParams = z.infer<typeof ClaimTimelineParams>;

/**
 * How one claim's verdict changed over time: from three years before it was made (or `from`)
 * to `to`, at every step, plus the day it was made. Undefined for an unknown claim id.
 */
export async function claimTimelineView(db: Db, p: ClaimTimelineParams, onStep?: (done: number, total: number) => void) {
  const claim = (await loadClaims(db)).find((c) => c.id === p.id);
  if (!claim) return undefined;
  const from = p.from ?? addMonths(claim.said, -36);
  const to = p.to;
  const stepMonths = p.step === 'month' ? 1 : p.step === 'year' ? 12 : 3;
  return claimTimeline(db, claim, { from, to, stepMonths, onStep });
}
