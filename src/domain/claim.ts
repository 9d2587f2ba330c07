import { z } from 'zod';
import { Slug, Url } from './ids.js';
import { DaySchema } from './dates.js';
import { claimCheckIssues } from './claim-checks.js';

export const VERDICTS = ['supported', 'partly-supported', 'contradicted', 'not-enough-data'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * A statement someone made, with a machine check. The check names an analysis and its
 * parameters; the rule that maps results to a verdict lives with the analysis.
 */
export const ClaimSchema = z.strictObject({
  id: Slug,
  statement: z.string().min(1),
  speaker: z.string().min(1),
  said: DaySchema,
  /** Where the statement was made or reported. */
  source: Slug,
  url: Url.optional(),
  check: z.strictObject({
    analysis: Slug,
    params: z.record(z.string(), z.unknown()).default({}),
    /** Thresholds that map the analysis result to a verdict; their meaning belongs to the analysis. */
    rule: z.record(z.string(), z.unknown()).default({}),
  }),
  /** Explanation template; `{placeholders}` are filled from the check's results. */
  explanation: z.string().min(1).optional(),
}).superRefine((claim, ctx) => {
  // The analysis, its parameters and the explanation's placeholders are checked where written.
  for (const issue of claimCheckIssues(claim.check, claim.explanation)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
export type Claim = z.infer<typeof ClaimSchema>;
