import type { Db } from '../../store/db.js';
import { evaluateClaim, loadClaims } from '../../claims/evaluate.js';

/** One claim with its verdict as of the day it was said and as of a given day (the claims export). */
export interface ClaimVerdictRow {
  id: string;
  statement: string;
  speaker: string;
  said: string;
  analysis: string;
  verdict_said: string;
  verdict_as_of: string;
  as_of: string;
  explanation: string;
  evidence_sources: string[];
}

export async function claimVerdictRows(db: Db, asOf: string): Promise<ClaimVerdictRow[]> {
  const rows: ClaimVerdictRow[] = [];
  for (const c of await loadClaims(db)) {
    const said = await evaluateClaim(db, c, c.said);
    const now = await evaluateClaim(db, c, asOf);
    rows.push({ id: c.id, statement: c.statement, speaker: c.speaker, said: c.said, analysis: c.analysis, verdict_said: said.verdict, verdict_as_of: now.verdict, as_of: asOf, explanation: now.explanation, evidence_sources: now.sources });
  }
  return rows;
}

const COLUMNS = 'id VARCHAR, statement VARCHAR, speaker VARCHAR, said DATE, analysis VARCHAR, verdict_said VARCHAR, verdict_as_of VARCHAR, as_of DATE, explanation VARCHAR, evidence_sources VARCHAR[]';

/**
 * Puts the verdicts in a table of `db` (temporary unless `permanent`), so they are exported
 * and snapshotted by the same DuckDB writers as every stored table.
 */
export async function storeClaimVerdicts(db: Db, table: string, rows: readonly ClaimVerdictRow[], permanent = false): Promise<void> {
  await db.run(`CREATE OR REPLACE ${permanent ? '' : 'TEMP '}TABLE ${table} (${COLUMNS})`);
  // Few claims: one parameterised insert each keeps lists typed without the appender.
  for (const r of rows) {
    await db.run(`INSERT INTO ${table} VALUES ($1, $2, $3, CAST($4 AS DATE), $5, $6, $7, CAST($8 AS DATE), $9, CAST(CAST($10 AS JSON) AS VARCHAR[]))`, [
      r.id, r.statement, r.speaker, r.said, r.analysis, r.verdict_said, r.verdict_as_of, r.as_of, r.explanation, JSON.stringify(r.evidence_sources),
    ]);
  }
}
