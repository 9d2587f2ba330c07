import type { Verdict } from '../domain/index.js';
import type { EvidenceWindow } from '../analytics/evidence-window.js';

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
  /** For claims on capability scores: the verdict on each measure named, and whether it was checked. */
  measures?: MeasureVerdict[];
  /** The verdict rests on evidence below the coverage the claim asks for (`low_coverage: flag`). */
  stale?: boolean;
}

/** A claim's check on one capability measure, with the evidence window it rests on. */
export interface MeasureVerdict {
  measure: string;
  /** Enough of the window's flagships were scored for the measure to count. */
  checked: boolean;
  verdict: Verdict;
  /** Why the measure was not checked, or why it could not decide. */
  reason?: string;
  /** The measure's own reasons, in words ("share is 100% (needs at least 100%)"). */
  because?: string;
  window: EvidenceWindow;
  metrics: Record<string, MetricValue>;
}
