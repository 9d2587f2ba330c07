import type { Release } from '../domain/release.js';
import type { License } from '../domain/license.js';
import type { ComponentId } from '../domain/components.js';
import { analyzeLicense } from './license-analysis.js';
import type { LicenseAnalysis } from './license-analysis.js';
import { effectiveFact, label } from './facts.js';
import type { EffectiveFact } from './facts.js';

/**
 * OSI Open Source AI Definition 1.0 (opensource.org/ai/open-source-ai-definition, October 2024).
 * An AI system is Open Source AI when its preferred form for modification is available under
 * terms that grant the freedoms to use, study, modify and share it without asking permission:
 *
 * - Data information: sufficiently detailed information about the training data. We accept the
 *   training datasets released under open terms, or a data card (the documentation of sources,
 *   characteristics, provenance and processing) released under open terms. A paper or report
 *   alone does not pass: our facts cannot tell whether it describes the data in enough detail.
 * - Code: the complete source code used to train and run the system, under OSI-approved
 *   licenses: data preprocessing, training, validation and testing (our evaluation code),
 *   supporting libraries, inference code and the model architecture. This follows the component
 *   list of the OSAID checklist (draft 0.0.9), which took it from the Model Openness Framework.
 * - Parameters: the final weights under OSI-approved terms; we accept OSI-approved licenses and
 *   open data licenses without use restrictions (e.g. CDLA-Permissive, CC0).
 *
 * Gated components fail: gating means asking permission. Unknown components fail too, but a
 * release whose only gaps are unknowns gets the verdict `unknown` rather than `fail`.
 */
export const VERSION = '1.0.1';

export type OsaidVerdict = 'pass' | 'fail' | 'unknown';
export type OsaidElement = 'data-information' | 'code' | 'parameters';

export interface OsaidElementResult {
  element: OsaidElement;
  verdict: OsaidVerdict;
  /** What is missing, in plain words; empty when the element passes. */
  missing: string[];
}

export interface OsaidResult {
  pass: boolean;
  verdict: OsaidVerdict;
  elements: OsaidElementResult[];
  missing: string[];
  reasons: string[];
  summary: string;
}

type Registry = ReadonlyMap<string, License>;

/** Code must be OSI-approved; data and documents may use open data or documentation licenses. */
type Terms = 'osi' | 'open';

interface Gap {
  text: string;
  unknown: boolean;
}

function termsOk(analysis: LicenseAnalysis, terms: Terms): boolean {
  if (terms === 'osi') return analysis.osiApproved;
  return analysis.osiApproved || (analysis.isOpen && analysis.restrictions.length === 0);
}

/** Null when the component is available under acceptable terms, else what is wrong. */
const NEED: Record<Terms, string> = { osi: 'an OSI-approved license', open: 'open terms' };

function gap(fact: EffectiveFact, need: Terms, registry: Registry): Gap | null {
  const name = label(fact.id);
  switch (fact.status) {
    case 'unknown': return { text: `${name} unknown`, unknown: true };
    case 'closed': return { text: `${name} closed`, unknown: false };
    case 'documented-only': return { text: `${name} not released (documented only)`, unknown: false };
    case 'gated': {
      const terms = fact.license === null ? null : analyzeLicense(fact.license, registry);
      const alsoTerms = terms && terms.category !== 'unknown' && !termsOk(terms, need) ? `, and ${fact.license} is not ${NEED[need]}` : '';
      return { text: `${name} gated (access needs permission)${alsoTerms}`, unknown: false };
    }
    case 'restricted': return { text: `${name} restricted`, unknown: false };
    case 'open':
      break;
  }
  if (fact.license === null) return { text: `${name} released without a license`, unknown: false };
  const analysis = analyzeLicense(fact.license, registry);
  if (analysis.category === 'unknown') return { text: `${name} under ${fact.license}, whose terms are unknown`, unknown: true };
  if (!termsOk(analysis, need)) return { text: `${name} under ${fact.license}, not ${NEED[need]}`, unknown: false };
  return null;
}

function verdictOf(gaps: Gap[]): OsaidVerdict {
  if (gaps.length === 0) return 'pass';
  return gaps.every((g) => g.unknown) ? 'unknown' : 'fail';
}

const CODE: readonly ComponentId[] = [
  'data-preprocessing-code',
  'training-code',
  'evaluation-code',
  'supporting-libraries',
  'inference-code',
  'model-architecture',
];

export function assessOsaid(release: Release, registry: Registry): OsaidResult {
  // Data information: open datasets, or else an open data card.
  const datasets = gap(effectiveFact(release, 'datasets'), 'open', registry);
  const card = gap(effectiveFact(release, 'data-card'), 'open', registry);
  const dataGaps: Gap[] = datasets && card ? [{ text: `no open datasets or data card: ${datasets.text}; ${card.text}`, unknown: datasets.unknown || card.unknown }] : [];
  const codeGaps = CODE.map((id) => gap(effectiveFact(release, id), 'osi', registry)).filter((g): g is Gap => g !== null);
  const paramGap = gap(effectiveFact(release, 'model-parameters-final'), 'open', registry);
  const paramGaps = paramGap ? [paramGap] : [];

  const elements: OsaidElementResult[] = [
    { element: 'data-information', verdict: verdictOf(dataGaps), missing: dataGaps.map((g) => g.text) },
    { element: 'code', verdict: verdictOf(codeGaps), missing: codeGaps.map((g) => g.text) },
    { element: 'parameters', verdict: verdictOf(paramGaps), missing: paramGaps.map((g) => g.text) },
  ];
  const all = [...dataGaps, ...codeGaps, ...paramGaps];
  const verdict = verdictOf(all);
  const names: Record<OsaidElement, string> = { 'data-information': 'data information', code: 'code', parameters: 'parameters' };
  const reasons = elements.map((e) =>
    e.verdict === 'pass' ? `${names[e.element]}: available under open terms` : `${names[e.element]}: ${e.verdict} (${e.missing.join('; ')})`,
  );
  const missing = all.map((g) => g.text);
  const summary =
    verdict === 'pass'
      ? 'OSAID 1.0: pass (data information, code and parameters available under open terms)'
      : verdict === 'unknown'
        ? `OSAID 1.0: not enough data (${missing.length} unknown)`
        : `OSAID 1.0: fail; missing ${missing.join('; ')}`;
  return { pass: verdict === 'pass', verdict, elements, missing, reasons, summary };
}
