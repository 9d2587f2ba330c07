import type { ClaimAnalysis } from '../domain/claim-checks.js';
import type { Db } from '../store/db.js';
import { checkBestOpen } from './analyses/best-open.js';
import { checkCapabilityRank } from './analyses/capability-rank.js';
import { checkEventMatch } from './analyses/event-match.js';
import { checkLabOpenness } from './analyses/lab-openness.js';
import type { AnalysisOutcome } from './types.js';

type Check = (db: Db, params: never, rule: never, asOf: string) => Promise<AnalysisOutcome>;

/** The function behind each analysis a claim can name (their parameters live in domain/claim-checks.ts). */
export const CHECKS: Record<ClaimAnalysis, Check> = {
  'best-open': checkBestOpen,
  'lab-openness': checkLabOpenness,
  'capability-rank': checkCapabilityRank,
  'event-match': checkEventMatch,
};
