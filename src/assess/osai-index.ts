import { EOSAI_PARAMETERS } from '../domain/peers.js';
import type { Release } from '../domain/release.js';
import type { License } from '../domain/license.js';
import type { ComponentId } from '../domain/components.js';
import { analyzeLicense } from './license-analysis.js';
import { effectiveFact, isReleased, label } from './facts.js';
import type { EffectiveFact } from './facts.js';

/**
 * European Open Source AI Index (osai-index.eu, Liesenfeld & Dingemanse 2024) style grades,
 * derived from our component facts. The index grades 12 parameters open / partial / closed and
 * scores a model by the mean over its parameters with open = 1, partial = 0.5, closed = 0 (as
 * the index's site computes it: Language-Technology-Assessment/website, composables/models.ts).
 *
 * We add `unknown` where no fact speaks to a parameter. Unknown scores 0, like closed (the index
 * also gives no points without evidence), but is never shown as closed; `maxScore` says what the
 * score would be if every unknown turned out open.
 *
 * Mapping from our facts (components are MOF components; "released" = open, gated or restricted):
 * - base-model data / end-user-model data: the `datasets` component. Open when released under an
 *   open license; partial when released under other terms, gated or restricted, documented only,
 *   or when a data card is available though the data is not. Base-model parameters read the base
 *   release when it is given, mirror the end-user ones for releases without a base model (as the
 *   index does), and are unknown otherwise.
 * - base-model weights / end-user-model weights: `model-parameters-final` (or the access
 *   channels when no fact is recorded). Open under an open license, partial when gated,
 *   restricted or under other terms, closed when not released.
 * - training code: open when both training code and data preprocessing code are released under
 *   open licenses; partial when either is released at all, or only inference code is; closed
 *   when training code is known closed.
 * - code documentation: we have no fact about documentation quality, so it follows what code is
 *   released: open when training and preprocessing code are released, partial when any code
 *   (training, preprocessing, inference, architecture) is.
 * - hardware architecture: open when the architecture is released or documented and a technical
 *   report or research paper is available; partial when only one of the two is.
 * - preprint: the technical report. paper: the research paper. model card, datasheet: the model
 *   card and data card. Each open when available openly, partial when gated, restricted or
 *   documented only elsewhere.
 * - licenses: open when the weights are under an open license and every released training code,
 *   preprocessing code, inference code, architecture and dataset is too; partial when the weights
 *   or any of those are openly licensed; closed when nothing is. Releasing a component under
 *   non-open terms can lower this grade, as it should: the project is then less covered by open
 *   licenses than when the component was simply not released.
 */
export const VERSION = '1.0.0';

/** The index's 12 parameters, under the names its database uses (shared with the peer importer). */
export const OSAI_PARAMS = EOSAI_PARAMETERS;
export type OsaiParam = (typeof OSAI_PARAMS)[number];

export type OsaiGrade = 'open' | 'partial' | 'closed';
export type OurGrade = OsaiGrade | 'unknown';

export const OSAI_PARAM_LABEL: Record<OsaiParam, string> = {
  datasources_basemodel: 'base-model data',
  datasources_endmodel: 'end-user-model data',
  weights_basemodel: 'base-model weights',
  weights_endmodel: 'end-user-model weights',
  trainingcode: 'training code',
  code: 'code documentation',
  hardware_architecture: 'hardware architecture',
  preprint: 'preprint',
  paper: 'paper',
  modelcard: 'model card',
  datasheet: 'datasheet',
  licenses: 'licenses',
};

/** An observation from the index itself, shown beside ours and never mixed into it. */
export interface EosaiObservation {
  grades: Partial<Record<OsaiParam, OsaiGrade>>;
  /** The index entry, e.g. the YAML file name or URL. */
  source?: string;
  date?: string;
}

export interface OsaiParamResult {
  param: OsaiParam;
  label: string;
  grade: OurGrade;
  reason: string;
}

export interface OsaiResult {
  params: OsaiParamResult[];
  /** Mean over the 12 parameters (open 1, partial 0.5, closed and unknown 0), 0..1. */
  score: number;
  /** The score if every unknown parameter were open. */
  maxScore: number;
  /** Sum of points out of 12. */
  points: number;
  unknown: OsaiParam[];
  theirs: EosaiObservation | null;
  reasons: string[];
  summary: string;
}

const POINTS: Record<OurGrade, number> = { open: 1, partial: 0.5, closed: 0, unknown: 0 };
const RANK: Record<OurGrade, number> = { unknown: 0, closed: 0, partial: 1, open: 2 };

type Registry = ReadonlyMap<string, License>;

function licenseOpen(fact: EffectiveFact, registry: Registry): boolean {
  return fact.license !== null && analyzeLicense(fact.license, registry).isOpen;
}

/** Grade for something that should be freely available (data, weights). */
function availability(fact: EffectiveFact, registry: Registry, documentedOnly: OurGrade): { grade: OurGrade; why: string } {
  const name = label(fact.id);
  switch (fact.status) {
    case 'open':
      if (licenseOpen(fact, registry)) return { grade: 'open', why: `${name} open under ${fact.license}` };
      return { grade: 'partial', why: fact.license ? `${name} released under ${fact.license}, not an open license` : `${name} released without a license` };
    case 'gated': return { grade: 'partial', why: `${name} gated` };
    case 'restricted': return { grade: 'partial', why: `${name} restricted` };
    case 'documented-only': return { grade: documentedOnly, why: `${name} documented but not released` };
    case 'closed': return { grade: 'closed', why: `${name} closed` };
    case 'unknown': return { grade: 'unknown', why: `${name} unknown` };
  }
}

/** Grade for a document: its existence matters, not its license. */
function documentGrade(fact: EffectiveFact): { grade: OurGrade; why: string } {
  const name = label(fact.id);
  switch (fact.status) {
    case 'open': return { grade: 'open', why: `${name} available` };
    case 'gated':
    case 'restricted': return { grade: 'partial', why: `${name} available only under conditions (${fact.status})` };
    case 'documented-only': return { grade: 'partial', why: `${name} documented only elsewhere` };
    case 'closed': return { grade: 'closed', why: `${name} closed` };
    case 'unknown': return { grade: 'unknown', why: `${name} unknown` };
  }
}

function dataGrade(release: Release, registry: Registry): { grade: OurGrade; why: string } {
  const data = availability(effectiveFact(release, 'datasets'), registry, 'partial');
  const card = effectiveFact(release, 'data-card');
  if (RANK[data.grade] < RANK.partial && isReleased(card.status)) {
    return { grade: 'partial', why: `${data.why}, but a data card documents it` };
  }
  return data;
}

function weightsGrade(release: Release, registry: Registry): { grade: OurGrade; why: string } {
  return availability(effectiveFact(release, 'model-parameters-final'), registry, 'closed');
}

function openlyReleased(release: Release, id: ComponentId, registry: Registry): boolean {
  const f = effectiveFact(release, id);
  return f.status === 'open' && licenseOpen(f, registry);
}

function trainingCode(release: Release, registry: Registry): { grade: OurGrade; why: string } {
  const tc = effectiveFact(release, 'training-code');
  const dp = effectiveFact(release, 'data-preprocessing-code');
  if (openlyReleased(release, 'training-code', registry) && openlyReleased(release, 'data-preprocessing-code', registry)) {
    return { grade: 'open', why: 'training and data preprocessing code open' };
  }
  const released = (['training-code', 'data-preprocessing-code', 'inference-code'] as const).filter((id) => isReleased(effectiveFact(release, id).status));
  if (released.length > 0) return { grade: 'partial', why: `only ${released.map(label).join(', ')} released or openly licensed` };
  if (tc.status === 'unknown') return { grade: 'unknown', why: 'training code unknown' };
  return { grade: 'closed', why: `training code ${tc.status === 'documented-only' ? 'not released' : 'closed'}${dp.status === 'unknown' ? '' : `, data preprocessing code ${dp.status}`}` };
}

function codeDocumentation(release: Release): { grade: OurGrade; why: string } {
  const ids = ['training-code', 'data-preprocessing-code', 'inference-code', 'model-architecture'] as const;
  const released = ids.filter((id) => isReleased(effectiveFact(release, id).status));
  if (released.includes('training-code') && released.includes('data-preprocessing-code')) {
    return { grade: 'open', why: 'training and preprocessing code released (documentation quality is not recorded)' };
  }
  if (released.length > 0) return { grade: 'partial', why: `only ${released.map(label).join(', ')} released` };
  if (ids.every((id) => effectiveFact(release, id).status === 'unknown')) return { grade: 'unknown', why: 'no code facts recorded' };
  return { grade: 'closed', why: 'no code released' };
}

function hardwareArchitecture(release: Release): { grade: OurGrade; why: string } {
  const arch = effectiveFact(release, 'model-architecture');
  const archKnown = isReleased(arch.status) || arch.status === 'documented-only';
  const reportIds = ['technical-report', 'research-paper'] as const;
  const report = reportIds.find((id) => isReleased(effectiveFact(release, id).status));
  if (archKnown && report) return { grade: 'open', why: `architecture ${arch.status === 'documented-only' ? 'documented' : 'released'} and a ${label(report)} available` };
  if (archKnown) return { grade: 'partial', why: 'architecture documented, but no technical report or paper' };
  if (report) return { grade: 'partial', why: `a ${label(report)} is available, but the architecture is not released` };
  const statuses = [arch, ...reportIds.map((id) => effectiveFact(release, id))].map((f) => f.status);
  if (statuses.every((s) => s === 'unknown')) return { grade: 'unknown', why: 'architecture and reports unknown' };
  return { grade: statuses.includes('unknown') ? 'unknown' : 'closed', why: 'architecture and reports not released' };
}

function licensesGrade(release: Release, registry: Registry): { grade: OurGrade; why: string } {
  const weights = effectiveFact(release, 'model-parameters-final');
  const weightsOpen = isReleased(weights.status) && licenseOpen(weights, registry);
  const others = (['training-code', 'data-preprocessing-code', 'inference-code', 'model-architecture', 'datasets'] as const)
    .map((id) => effectiveFact(release, id))
    .filter((f) => isReleased(f.status));
  const notOpen = others.filter((f) => !licenseOpen(f, registry));
  const anyOpen = others.some((f) => licenseOpen(f, registry));
  if (weightsOpen && notOpen.length === 0) return { grade: 'open', why: `weights under ${weights.license}, and every released component openly licensed` };
  if (weightsOpen) return { grade: 'partial', why: `weights open, but ${notOpen.map((f) => label(f.id)).join(', ')} not openly licensed` };
  if (anyOpen) return { grade: 'partial', why: `weights not openly licensed, though some code or data is` };
  if (weights.status === 'unknown' && weights.license === null) return { grade: 'unknown', why: 'weights license unknown' };
  if (isReleased(weights.status) && weights.license === null) return { grade: 'unknown', why: 'weights released but no license recorded' };
  return { grade: 'closed', why: weights.license ? `weights under ${weights.license}, not an open license` : 'nothing released under an open license' };
}

export interface OsaiOptions {
  /** The base model's release, when this release was fine-tuned from one we know. */
  base?: Release;
  theirs?: EosaiObservation;
}

export function assessOsai(release: Release, registry: Registry, opts: OsaiOptions = {}): OsaiResult {
  const hasBase = release.base_model !== undefined && release.base_model !== release.id;
  const baseOf = (grade: (r: Release) => { grade: OurGrade; why: string }): { grade: OurGrade; why: string } => {
    if (!hasBase) {
      const own = grade(release);
      return { grade: own.grade, why: `no separate base model: ${own.why}` };
    }
    if (opts.base) {
      const b = grade(opts.base);
      return { grade: b.grade, why: `base model ${opts.base.id}: ${b.why}` };
    }
    return { grade: 'unknown', why: `base model ${release.base_model} not available to this rubric` };
  };

  const grades: Record<OsaiParam, { grade: OurGrade; why: string }> = {
    datasources_basemodel: baseOf((r) => dataGrade(r, registry)),
    datasources_endmodel: dataGrade(release, registry),
    weights_basemodel: baseOf((r) => weightsGrade(r, registry)),
    weights_endmodel: weightsGrade(release, registry),
    trainingcode: trainingCode(release, registry),
    code: codeDocumentation(release),
    hardware_architecture: hardwareArchitecture(release),
    preprint: documentGrade(effectiveFact(release, 'technical-report')),
    paper: documentGrade(effectiveFact(release, 'research-paper')),
    modelcard: documentGrade(effectiveFact(release, 'model-card')),
    datasheet: documentGrade(effectiveFact(release, 'data-card')),
    licenses: licensesGrade(release, registry),
  };
  const params: OsaiParamResult[] = OSAI_PARAMS.map((p) => ({ param: p, label: OSAI_PARAM_LABEL[p], grade: grades[p].grade, reason: grades[p].why }));
  const points = params.reduce((n, p) => n + POINTS[p.grade], 0);
  const unknown = params.filter((p) => p.grade === 'unknown').map((p) => p.param);
  const score = Math.round((points / OSAI_PARAMS.length) * 1000) / 1000;
  const maxScore = Math.round(((points + unknown.length) / OSAI_PARAMS.length) * 1000) / 1000;
  const count = (g: OurGrade) => params.filter((p) => p.grade === g).length;
  const reasons = params.map((p) => `${p.label}: ${p.grade} (${p.reason})`);
  if (opts.theirs) {
    const diffs = OSAI_PARAMS.filter((p) => opts.theirs?.grades[p] !== undefined && opts.theirs.grades[p] !== grades[p].grade);
    reasons.push(
      diffs.length === 0
        ? 'the index itself grades every shared parameter the same'
        : `the index itself differs on ${diffs.map((p) => `${OSAI_PARAM_LABEL[p]} (index: ${opts.theirs?.grades[p]}, ours: ${grades[p].grade})`).join(', ')}`,
    );
  }
  const summary =
    `OSAI score ${Math.round(score * 100)}%: ${count('open')} open, ${count('partial')} partial, ${count('closed')} closed` +
    (unknown.length > 0 ? `, ${unknown.length} unknown (up to ${Math.round(maxScore * 100)}%)` : '');
  return { params, score, maxScore, points, unknown, theirs: opts.theirs ?? null, reasons, summary };
}
