import type { Release } from '../domain/release.js';
import type { License } from '../domain/license.js';
import type { ComponentId, ComponentStatus, ContentType } from '../domain/components.js';
import { COMPONENTS } from '../domain/components.js';
import { CATEGORY_LABEL, OPEN_CATEGORIES, analyzeLicense, parseLicenseExpression, resolveLicenseId } from './license-analysis.js';
import type { ResolvedLicense } from './license-analysis.js';
import { isMofTypeAppropriate, mofLicense } from './mof-licenses.js';
import { effectiveFact, label } from './facts.js';
import type { EffectiveFact } from './facts.js';
import type parseSpdx from 'spdx-expression-parse';

/**
 * Model Openness Framework (MOF) classification, following the Model Openness Tool's evaluator
 * (lfai/model_openness_tool, web/modules/mof/src/ModelEvaluator.php):
 * - Class III (open model) requires its own required components; Class II (open tooling) also
 *   requires Class III's; Class I (open science, the most open) requires all of them.
 * - A component counts when it is released under an open license: OSI-approved, open data or
 *   open documentation, or on the MOF's license lists. A license that is open but not the
 *   type-appropriate one for the component (e.g. Apache-2.0 on weights, which are data) still
 *   counts, with a note, as in the tool.
 * - A component without its own license is covered by the release license, as the tool falls
 *   back to the distribution license. One released without any license does not count.
 * - The technical report may be replaced by the research paper (for Class I the paper is
 *   required anyway).
 * - MOF rates licenses, not access: a gated component with an open license counts, with a note.
 *   A restricted, documented-only, closed or unknown component does not count.
 * Optional components (supporting libraries, model metadata, sample outputs) never block.
 */
export const VERSION = '1.0.0';

export type MofClass = 1 | 2 | 3;

export type MofOutcome =
  | 'open'
  | 'open-not-type-appropriate'
  | 'not-open-license'
  | 'unlicensed'
  | 'restricted'
  | 'not-released'
  | 'closed'
  | 'unknown';

export interface MofComponentCheck {
  id: ComponentId;
  name: string;
  contentType: ContentType;
  mofClass: MofClass;
  required: boolean;
  status: ComponentStatus;
  license: string | null;
  licenseFrom: EffectiveFact['licenseFrom'];
  outcome: MofOutcome;
  satisfied: boolean;
  /** e.g. "training code closed", "model card under LicenseRef-x (custom restrictive), not an open license". */
  reason: string;
  notes: string[];
}

export interface MofClassResult {
  class: MofClass;
  label: string;
  reached: boolean;
  /** Required components for this class, including those of the classes below it. */
  required: number;
  satisfied: number;
  /** Percentage of this class's required components that are satisfied (0..100, one decimal). */
  completeness: number;
  /** The MOT's progress figure: as completeness, but 0 while a less demanding class is unmet. */
  progress: number;
  /** Why the class is not reached, one entry per unsatisfied requirement. */
  blockers: string[];
}

export interface MofResult {
  class: MofClass | null;
  label: string;
  /** Class III, II and I, in that order. */
  classes: MofClassResult[];
  components: MofComponentCheck[];
  notes: string[];
  reasons: string[];
  summary: string;
}

export const CLASS_LABEL: Record<MofClass, string> = {
  3: 'Class III (open model)',
  2: 'Class II (open tooling)',
  1: 'Class I (open science)',
};

type Registry = ReadonlyMap<string, License>;

/** 2 open and type-appropriate, 1 open but not type-appropriate, 0 not open. */
function leafLevel(leaf: ResolvedLicense, type: ContentType): 0 | 1 | 2 {
  const open = leaf.osiApproved || OPEN_CATEGORIES.has(leaf.category) || mofLicense(leaf.id) !== undefined;
  if (!open) return 0;
  const appropriate = isMofTypeAppropriate(leaf.id, type) || (type === 'code' && leaf.osiApproved);
  return appropriate ? 2 : 1;
}

function treeLevel(node: parseSpdx.Node, type: ContentType, registry: Registry): 0 | 1 | 2 {
  if ('license' in node) return leafLevel(resolveLicenseId(node.license, registry), type);
  const l = treeLevel(node.left, type, registry);
  const r = treeLevel(node.right, type, registry);
  // OR: the licensee may pick the better option; AND: every part must be open.
  return node.conjunction === 'or' ? (Math.max(l, r) as 0 | 1 | 2) : (Math.min(l, r) as 0 | 1 | 2);
}

function licenseLevel(expression: string, type: ContentType, registry: Registry): 0 | 1 | 2 {
  const tree = parseLicenseExpression(expression);
  return tree ? treeLevel(tree, type, registry) : leafLevel(resolveLicenseId(expression.trim(), registry), type);
}

function checkComponent(release: Release, id: ComponentId, registry: Registry): MofComponentCheck {
  const fact = effectiveFact(release, id);
  const name = label(id);
  const notes: string[] = [];
  if (fact.inferred) notes.push(fact.inferred);
  const base = {
    id, name: fact.spec.name, contentType: fact.spec.contentType, mofClass: fact.spec.mofClass, required: fact.spec.required,
    status: fact.status, license: fact.license, licenseFrom: fact.licenseFrom,
  };
  const done = (outcome: MofOutcome, reason: string): MofComponentCheck => ({
    ...base, outcome, satisfied: outcome === 'open' || outcome === 'open-not-type-appropriate', reason, notes,
  });
  switch (fact.status) {
    case 'unknown': return done('unknown', `${name} unknown`);
    case 'closed': return done('closed', `${name} closed`);
    case 'documented-only': return done('not-released', `${name} not released (documented only)`);
    case 'restricted': return done('restricted', `${name} restricted${fact.license ? ` (${fact.license})` : ''}`);
    case 'open':
    case 'gated':
      break;
  }
  if (fact.license === null) return done('unlicensed', `${name} released without a license`);
  if (fact.licenseFrom === 'release') notes.push(`${name} has no license of its own; the release license ${fact.license} applies`);
  if (fact.status === 'gated') notes.push(`${name} is gated; the MOF rates licenses, not access`);
  const level = licenseLevel(fact.license, fact.spec.contentType, registry);
  if (level === 0) {
    const category = analyzeLicense(fact.license, registry).category;
    return done('not-open-license', `${name} under ${fact.license} (${CATEGORY_LABEL[category]}), not an open license`);
  }
  if (level === 1) {
    notes.push(`${name} is under ${fact.license}, open but not a type-appropriate license for ${fact.spec.contentType}`);
    return done('open-not-type-appropriate', `${name} open under ${fact.license}`);
  }
  return done('open', `${name} open under ${fact.license}`);
}

interface Requirement {
  id: ComponentId;
  /** Components any one of which satisfies the requirement. */
  anyOf: ComponentId[];
}

function requirementsFor(cls: MofClass): Requirement[] {
  return COMPONENTS.filter((c) => c.required && c.mofClass >= cls).map((c) => ({
    id: c.id,
    // The MOT lets a research paper stand in for the technical report.
    anyOf: c.id === 'technical-report' ? ['technical-report', 'research-paper'] : [c.id],
  }));
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** One note per kind of remark, naming the components, instead of one per component. */
function summariseNotes(checks: MofComponentCheck[]): string[] {
  const names = (pred: (c: MofComponentCheck) => boolean) => checks.filter(pred).map((c) => c.name.toLowerCase());
  const notes: string[] = [];
  const notTyped = checks.filter((c) => c.outcome === 'open-not-type-appropriate');
  if (notTyped.length > 0) {
    notes.push(`open but not under the MOF's type-appropriate license: ${notTyped.map((c) => `${c.name.toLowerCase()} (${c.license}, ${c.contentType})`).join(', ')}`);
  }
  const fallback = names((c) => c.licenseFrom === 'release' && c.status !== 'restricted');
  const release = checks.find((c) => c.licenseFrom === 'release')?.license;
  if (fallback.length > 0 && release) notes.push(`covered by the release license ${release} for want of their own: ${fallback.join(', ')}`);
  const gated = names((c) => c.status === 'gated');
  if (gated.length > 0) notes.push(`gated, which the MOF does not rate (it rates licenses): ${gated.join(', ')}`);
  notes.push(...checks.flatMap((c) => c.notes.filter((n) => n.includes('inferred'))));
  return notes;
}

export function assessMof(release: Release, registry: Registry): MofResult {
  const checks = COMPONENTS.map((c) => checkComponent(release, c.id, registry));
  const byId = new Map(checks.map((c) => [c.id, c]));
  const check = (id: ComponentId): MofComponentCheck => {
    const c = byId.get(id);
    if (!c) throw new Error(`no check for ${id}`);
    return c;
  };

  const classes: MofClassResult[] = ([3, 2, 1] as const).map((cls) => {
    const reqs = requirementsFor(cls);
    const blockers: string[] = [];
    let satisfied = 0;
    for (const req of reqs) {
      if (req.anyOf.some((id) => check(id).satisfied)) satisfied++;
      else if (req.anyOf.length > 1) blockers.push(`${check(req.id).reason} (and no open research paper instead)`);
      else blockers.push(check(req.id).reason);
    }
    const completeness = percent(satisfied, reqs.length);
    return { class: cls, label: CLASS_LABEL[cls], reached: blockers.length === 0, required: reqs.length, satisfied, completeness, progress: completeness, blockers };
  });
  // The MOT reports no progress towards a class while a less demanding one is unmet.
  for (let i = 1; i < classes.length; i++) {
    const prev = classes[i - 1];
    const cur = classes[i];
    if (prev && cur && (!prev.reached || prev.progress === 0)) cur.progress = 0;
  }

  const reached = [...classes].reverse().find((c) => c.reached)?.class ?? null;
  const notes = summariseNotes(checks);
  const reasons = classes.map((c) =>
    c.reached
      ? `${c.label} reached: all ${c.required} required components are openly licensed`
      : `not ${c.label.replace(/ \(.*/, '')}: ${c.blockers.join('; ')}`,
  );
  const next = classes.find((c) => !c.reached);
  const summary =
    reached === null
      ? `no MOF class; Class III ${classes[0]?.completeness ?? 0}% complete`
      : `MOF ${CLASS_LABEL[reached]}${next ? `; ${next.label.replace(/ \(.*/, '')} ${next.completeness}% complete` : ''}`;
  return {
    class: reached,
    label: reached === null ? 'unclassified' : CLASS_LABEL[reached],
    classes,
    components: checks,
    notes,
    reasons: [...reasons, ...notes.map((n) => `note: ${n}`)],
    summary,
  };
}
