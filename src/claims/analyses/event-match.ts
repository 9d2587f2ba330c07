import { runQuery } from '../../analytics/sql.js';
import type { Db } from '../../store/db.js';
import { verdictFromConditions, type ConditionRule } from '../conditions.js';
import type { AnalysisOutcome, EvidenceRow } from '../types.js';

export interface EventRequirement { orgs?: string[]; kinds?: string[]; text?: string }
export interface EventMatchParams { require?: EventRequirement[] }

interface Ev { id: string; date: string; day: string; kind: string; title: string; orgs: string[]; releases: string[]; sources: string | null }

/**
 * Whether the fact base records events that bear a statement out: each requirement (labs it
 * concerns, kinds, words in its title) needs one event dated on or before the date. When no
 * requirement is met the verdict is not enough data, never contradicted: an event missing from
 * the fact base is not evidence that it did not happen.
 */
export async function checkEventMatch(db: Db, p: EventMatchParams, rule: ConditionRule, asOf: string): Promise<AnalysisOutcome> {
  const require = p.require ?? [];
  const events = await runQuery<Ev>(db, 'signals-events', { as_of: asOf, org: null, rollup: false });
  const matches = require.map((req) =>
    events.filter(
      (e) =>
        (req.orgs ?? []).every((o) => e.orgs.includes(o)) &&
        (!req.kinds?.length || req.kinds.includes(e.kind)) &&
        (!req.text || e.title.toLowerCase().includes(req.text.toLowerCase())),
    ),
  );
  const matched = matches.filter((m) => m.length > 0).length;
  const metrics = { matched, required: require.length, matched_share: require.length ? matched / require.length : null };
  const evidence: EvidenceRow[] = [];
  matches.forEach((list, i) => {
    for (const e of list) {
      if (evidence.some((x) => x.id === e.id)) continue;
      const req = require[i]!;
      const what = [req.kinds?.join('/'), req.orgs?.join('+'), req.text && `"${req.text}"`].filter(Boolean).join(', ');
      evidence.push({ kind: 'event', id: e.id, name: e.title, date: e.date, org: e.orgs.join(','), note: `${e.kind} event matching ${what}`, sources: e.sources ? e.sources.split(',') : [] });
    }
  });
  const params = { require };
  if (matched === 0) return { verdict: 'not-enough-data', metrics, params, conditions: [], evidence, missing: `no event on or before ${asOf} matches the requirements` };
  return { ...verdictFromConditions(rule, metrics), metrics, params, evidence };
}
