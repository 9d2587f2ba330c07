import type { Verdict } from '../domain/index.js';
import type { ClaimAnalysis } from '../domain/claim-checks.js';
import type { Db } from '../store/db.js';
import { explain } from './explain.js';
import { CHECKS } from './registry.js';
import type { ConditionCheck, EvidenceRow, MeasureVerdict, MetricValue } from './types.js';

/** A claim as stored in the database, with its check parsed back from JSON. */
export interface StoredClaim {
  id: string;
  statement: string;
  speaker: string;
  said: string;
  source: { id: string; url: string; publisher: string; title: string | null };
  url: string | null;
  analysis: ClaimAnalysis;
  params: Record<string, unknown>;
  rule: Record<string, unknown>;
  explanation: string | null;
  file: string;
  line: number;
}

export interface ClaimResult {
  id: string;
  statement: string;
  speaker: string;
  said: string;
  source: StoredClaim['source'];
  as_of: string;
  analysis: ClaimAnalysis;
  verdict: Verdict;
  /** One paragraph: what was measured and why the verdict follows. */
  explanation: string;
  metrics: Record<string, MetricValue>;
  conditions: ConditionCheck[];
  evidence: EvidenceRow[];
  /** Every source behind the verdict: the claim's own, then the evidence's. */
  sources: string[];
  defined_at: string;
  /** Claims on capability scores: each measure named, checked or not, with its evidence window. */
  measures?: MeasureVerdict[];
  /** The verdict rests on too few scored flagships and the claim asks to flag rather than refuse. */
  stale: boolean;
}

/** Loads every claim from the database, ordered by id. */
export async function loadClaims(db: Db): Promise<StoredClaim[]> {
  const rows = await db.all<Record<string, unknown>>(
    `SELECT c.id, c.statement, c.speaker, strftime(c.said, '%Y-%m-%d') AS said, c.url, c.analysis, c.params_json, c.rule_json, c.explanation, c.file, c.line,
       s.id AS source_id, s.url AS source_url, s.publisher AS source_publisher, s.title AS source_title
     FROM claims c LEFT JOIN sources s ON s.id = c.source_id ORDER BY c.id`,
  );
  return rows.map((r) => ({
    id: r.id as string, statement: r.statement as string, speaker: r.speaker as string, said: r.said as string,
    source: { id: r.source_id as string, url: r.source_url as string, publisher: r.source_publisher as string, title: (r.source_title as string | null) ?? null },
    url: (r.url as string | null) ?? null, analysis: r.analysis as ClaimAnalysis,
    params: JSON.parse(r.params_json as string), rule: JSON.parse(r.rule_json as string),
    explanation: (r.explanation as string | null) ?? null, file: r.file as string, line: r.line as number,
  }));
}

/** A claim's verdict as of a date, from facts dated on or before it. */
export async function evaluateClaim(db: Db, claim: StoredClaim, asOf: string): Promise<ClaimResult> {
  const check = CHECKS[claim.analysis];
  const outcome = await check(db, claim.params as never, claim.rule as never, asOf);
  const sources = [...new Set([claim.source.id, ...outcome.evidence.flatMap((e) => e.sources)])];
  return {
    id: claim.id, statement: claim.statement, speaker: claim.speaker, said: claim.said, source: claim.source, as_of: asOf,
    analysis: claim.analysis, verdict: outcome.verdict, explanation: explain(claim.explanation, outcome, asOf),
    metrics: outcome.metrics, conditions: outcome.conditions, evidence: outcome.evidence, sources, defined_at: `${claim.file}:${claim.line}`,
    ...(outcome.measures ? { measures: outcome.measures } : {}), stale: outcome.stale ?? false,
  };
}
