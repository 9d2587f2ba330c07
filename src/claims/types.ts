import type { Verdict } from '../domain/index.js';

/** One row of evidence behind a verdict: a release with its score, an event, or a signal, with sources. */
export interface EvidenceRow {
  kind: 'release' | 'event' | 'signal';
  id: string;
  name: string;
  date: string;
  org?: string;
  countries?: string[];
  /** A capability score, with the day it was observed. */
  score?: number;
  observed?: string;
  access?: string;
  license?: string | null;
  /** Why this row is evidence, in a few words. */
  note?: string;
  sources: string[];
}

export type MetricValue = number | null;

/** A condition of the rule as checked: the metric's value against its bounds. */
export interface ConditionCheck {
  verdict: 'supported' | 'partly-supported';
  metric: string;
  value: MetricValue;
  min?: number;
  max?: number;
  holds: boolean;
}

export interface AnalysisOutcome {
  verdict: Verdict;
  metrics: Record<string, MetricValue>;
  /** Parameters after defaults, shown in explanations ({measure}, {top}, ...). */
  params: Record<string, unknown>;
  conditions: ConditionCheck[];
  evidence: EvidenceRow[];
  /** Why the data was not enough, when it was not. */
  missing?: string;
}
