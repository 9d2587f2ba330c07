import parseSpdx from 'spdx-expression-parse';
import spdxList from 'spdx-license-list';
import type { License, LICENSE_CATEGORIES } from '../domain/license.js';
import { classifySpdxId } from './spdx-kinds.js';
import { termsInWords } from './license-terms.js';

/**
 * License analysis: what an SPDX expression on a release or component allows, in plain words.
 *
 * Each id resolves first to the project's license registry (every AI-specific `LicenseRef-`
 * license and the common SPDX ones, with structured terms), then to the SPDX license list
 * (`spdx-license-list`), where the category comes from the id's family (see spdx-kinds.ts).
 * For `A OR B` the most permissive option applies (the licensee may choose it); for `A AND B`
 * every part's restrictions apply and the result is as closed as the most closed part.
 * `WITH` exceptions keep the base license's classification.
 */
export const VERSION = '1.0.0';

export type LicenseCategory = (typeof LICENSE_CATEGORIES)[number];
export type CommercialUse = 'allowed' | 'conditional' | 'forbidden' | 'unknown';

/** One license id of an expression, resolved. */
export interface ResolvedLicense {
  id: string;
  name: string;
  url: string | null;
  resolvedFrom: 'registry' | 'spdx' | 'unresolved';
  osiApproved: boolean;
  category: LicenseCategory | 'unknown';
  exception: string | null;
  orLater: boolean;
  commercialUse: CommercialUse;
  /** Limits on use, in plain words. */
  restrictions: string[];
  /** Duties that come with use (attribution, naming, share-alike). */
  obligations: string[];
  /** Terms no source states. */
  unknownTerms: string[];
}

export interface LicenseAnalysis {
  expression: string | null;
  /** False when the expression could not be parsed; it is then looked up as a single id. */
  parsed: boolean;
  /** `none` when no license is recorded. */
  category: LicenseCategory | 'unknown' | 'none';
  osiApproved: boolean;
  /** OSI-approved, open data or open documentation: an open license by category. */
  isOpen: boolean;
  commercialUse: CommercialUse;
  /** Every id in the expression. */
  licenses: ResolvedLicense[];
  /** The ids whose terms apply once the most permissive OR options are chosen. */
  applies: string[];
  restrictions: string[];
  obligations: string[];
  unknownTerms: string[];
  reasons: string[];
  summary: string;
}

export const OPEN_CATEGORIES: ReadonlySet<string> = new Set(['open-source', 'open-data', 'open-documentation']);

export const CATEGORY_LABEL: Record<LicenseCategory | 'unknown' | 'none', string> = {
  'open-source': 'open source (OSI-approved)',
  'open-data': 'open data',
  'open-documentation': 'open documentation',
  'custom-restrictive': 'custom restrictive',
  'non-commercial': 'non-commercial',
  proprietary: 'proprietary',
  unknown: 'unknown',
  none: 'no license recorded',
};

type Registry = ReadonlyMap<string, License>;

const SPDX_BY_LOWER = new Map(Object.keys(spdxList).map((id) => [id.toLowerCase(), id]));

function findRegistry(id: string, registry: Registry): License | undefined {
  const exact = registry.get(id);
  if (exact) return exact;
  const lower = id.toLowerCase();
  for (const [key, value] of registry) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** Resolves one license id to the registry, else the SPDX list, else marks it unresolved. */
export function resolveLicenseId(id: string, registry: Registry, extra: { exception?: string; plus?: boolean } = {}): ResolvedLicense {
  const exception = extra.exception ?? null;
  const orLater = extra.plus === true;
  const record = findRegistry(id, registry);
  if (record) {
    const words = termsInWords(record.terms);
    return {
      id: record.id,
      name: record.name,
      url: record.url,
      resolvedFrom: 'registry',
      osiApproved: record.osi_approved,
      category: record.category,
      exception,
      orLater,
      commercialUse: record.terms.commercial_use,
      ...words,
    };
  }
  const spdxId = SPDX_BY_LOWER.get(id.toLowerCase());
  const entry = spdxId === undefined ? undefined : spdxList[spdxId];
  if (spdxId !== undefined && entry) {
    const kind = classifySpdxId(spdxId, entry.osiApproved);
    return {
      id: spdxId,
      name: entry.name,
      url: entry.url,
      resolvedFrom: 'spdx',
      osiApproved: entry.osiApproved,
      category: kind.category,
      exception,
      orLater,
      commercialUse: kind.commercialUse,
      restrictions: kind.restrictions,
      obligations: kind.obligations,
      unknownTerms: kind.unknownTerms,
    };
  }
  return {
    id,
    name: id,
    url: null,
    resolvedFrom: 'unresolved',
    osiApproved: false,
    category: 'unknown',
    exception,
    orLater,
    commercialUse: 'unknown',
    restrictions: [],
    obligations: [],
    unknownTerms: [`the terms of ${id}`],
  };
}

/** A parsed expression, or null when it is not valid SPDX syntax. */
export function parseLicenseExpression(expression: string): parseSpdx.Node | null {
  try {
    return parseSpdx(expression.trim());
  } catch {
    return null;
  }
}

/** What one sub-expression amounts to once OR choices are made. */
interface Outcome {
  category: LicenseCategory | 'unknown';
  osiApproved: boolean;
  commercialUse: CommercialUse;
  applies: ResolvedLicense[];
}

// For OR the licensee picks: open beats custom beats non-commercial beats proprietary, and any
// known license beats one we cannot resolve. For AND the most closed part decides, and an
// unresolved part hides everything short of proprietary.
const OR_RANK: Record<LicenseCategory | 'unknown', number> = {
  'open-source': 0, 'open-data': 0, 'open-documentation': 0,
  'custom-restrictive': 1, 'non-commercial': 2, proprietary: 3, unknown: 4,
};
const AND_RANK: Record<LicenseCategory | 'unknown', number> = {
  'open-source': 0, 'open-data': 0, 'open-documentation': 0,
  'custom-restrictive': 1, 'non-commercial': 2, unknown: 3, proprietary: 4,
};
const COMMERCIAL_OR_RANK: Record<CommercialUse, number> = { allowed: 0, conditional: 1, forbidden: 2, unknown: 3 };
const COMMERCIAL_AND_RANK: Record<CommercialUse, number> = { allowed: 0, unknown: 1, conditional: 2, forbidden: 3 };

const restrictionCount = (o: Outcome) => o.applies.reduce((n, l) => n + l.restrictions.length, 0);
const unknownCount = (o: Outcome) => o.applies.reduce((n, l) => n + l.unknownTerms.length, 0);

/** Negative when `a` is more permissive than `b`. Ties keep the option written first. */
function comparePermissive(a: Outcome, b: Outcome): number {
  return (
    OR_RANK[a.category] - OR_RANK[b.category] ||
    Number(b.osiApproved) - Number(a.osiApproved) ||
    COMMERCIAL_OR_RANK[a.commercialUse] - COMMERCIAL_OR_RANK[b.commercialUse] ||
    restrictionCount(a) - restrictionCount(b) ||
    unknownCount(a) - unknownCount(b)
  );
}

function evaluate(node: parseSpdx.Node, registry: Registry, all: ResolvedLicense[]): Outcome {
  if ('license' in node) {
    const leaf = resolveLicenseId(node.license, registry, { exception: node.exception, plus: node.plus });
    all.push(leaf);
    return { category: leaf.category, osiApproved: leaf.osiApproved, commercialUse: leaf.commercialUse, applies: [leaf] };
  }
  const left = evaluate(node.left, registry, all);
  const right = evaluate(node.right, registry, all);
  if (node.conjunction === 'or') return comparePermissive(left, right) <= 0 ? left : right;
  return {
    category: AND_RANK[left.category] >= AND_RANK[right.category] ? left.category : right.category,
    osiApproved: left.osiApproved && right.osiApproved,
    commercialUse:
      COMMERCIAL_AND_RANK[left.commercialUse] >= COMMERCIAL_AND_RANK[right.commercialUse] ? left.commercialUse : right.commercialUse,
    applies: [...left.applies, ...right.applies],
  };
}

const unique = (xs: string[]) => [...new Set(xs)];

function describe(l: ResolvedLicense): string {
  const name = l.name === l.id ? l.id : `${l.id} (${l.name})`;
  const extras = [l.orLater ? 'or any later version' : '', l.exception ? `with ${l.exception}` : ''].filter(Boolean).join(', ');
  return extras ? `${name}, ${extras}` : name;
}

/** Analyses an SPDX expression (or a single registry id) against the registry and the SPDX list. */
export function analyzeLicense(expression: string | null | undefined, registry: Registry): LicenseAnalysis {
  if (expression === undefined || expression === null || expression.trim() === '') {
    return {
      expression: null, parsed: false, category: 'none', osiApproved: false, isOpen: false, commercialUse: 'unknown',
      licenses: [], applies: [], restrictions: [], obligations: [], unknownTerms: ['which license applies'],
      reasons: ['no license is recorded'],
      summary: 'no license recorded',
    };
  }
  const tree = parseLicenseExpression(expression);
  const all: ResolvedLicense[] = [];
  const reasons: string[] = [];
  let outcome: Outcome;
  if (tree) {
    outcome = evaluate(tree, registry, all);
  } else {
    // Registry ids need not be valid SPDX (e.g. a lower-case Hub tag): try the raw string as one id.
    outcome = evaluate({ license: expression.trim() }, registry, all);
    if (all[0]?.resolvedFrom === 'unresolved') reasons.push(`"${expression}" is not a valid SPDX expression`);
  }
  for (const l of all) {
    if (l.resolvedFrom === 'unresolved') reasons.push(`${l.id} is neither in the license registry nor on the SPDX list`);
    else reasons.push(`${describe(l)}: ${CATEGORY_LABEL[l.category]}${l.resolvedFrom === 'spdx' ? ' (from the SPDX list)' : ''}`);
  }
  if (tree && 'conjunction' in tree && all.length > 1) {
    const chosen = outcome.applies.map((l) => l.id);
    if (chosen.length < all.length) reasons.push(`the most permissive choice applies: ${chosen.join(' AND ')}`);
    else reasons.push('every license in the expression applies');
  }
  const restrictions = unique(outcome.applies.flatMap((l) => l.restrictions));
  const obligations = unique(outcome.applies.flatMap((l) => l.obligations));
  const unknownTerms = unique(outcome.applies.flatMap((l) => l.unknownTerms));
  const isOpen = OPEN_CATEGORIES.has(outcome.category);
  const head = `${expression.trim()}: ${CATEGORY_LABEL[outcome.category]}`;
  const summary =
    restrictions.length > 0
      ? `${head}; ${restrictions.join('; ')}`
      : isOpen
        ? `${head}; no use restrictions`
        : head;
  return {
    expression: expression.trim(),
    parsed: tree !== null,
    category: outcome.category,
    osiApproved: outcome.osiApproved,
    isOpen,
    commercialUse: outcome.commercialUse,
    licenses: all,
    applies: outcome.applies.map((l) => l.id),
    restrictions,
    obligations,
    unknownTerms,
    reasons: [...reasons, ...restrictions.map((r) => `restriction: ${r}`), ...obligations.map((o) => `obligation: ${o}`)],
    summary,
  };
}
