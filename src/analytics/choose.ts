import type { Db } from '../store/db.js';
import { DEFAULT_MAX_AGE_DAYS } from './measures.js';
import type { LicenseTerms } from '../domain/license.js';
import { restrictionsInPlainWords } from './restrictions.js';
import { runQuery } from './sql.js';
import { evidenceWindow, type EvidenceWindow } from './evidence-window.js';
import type { RankedReleaseBase } from './ranked-release.js';

export interface ChooseConstraints {
  asOf: string;
  measure: string;
  /** `commercial`: commercial use allowed, outright or under conditions the restrictions list. */
  licenseAllows?: 'commercial';
  /** No monthly-user or revenue threshold above which a separate license is needed. */
  noUserCap?: boolean;
  /** Outputs may be used to train other models. */
  outputTraining?: boolean;
  osiApproved?: boolean;
  /** Leave out weights behind a click-through or approval. */
  ungated?: boolean;
  country?: string[];
  excludeCountry?: string[];
  org?: string[];
  excludeOrg?: string[];
  maxParams?: number;
  minParams?: number;
  modality?: string[];
  type?: string[];
  top: number;
  maxAgeDays?: number;
}

export interface Candidate extends RankedReleaseBase {
  type: string;
  params_active: number | null;
  license_name: string | null;
  modalities: string[];
  hf_repos: string[];
  score: number | null;
  observed: string | null;
  restrictions: string[];
}

export interface Choice {
  as_of: string;
  measure: string;
  candidates: Candidate[];
  /** How many releases with weights matched all constraints (before --top). */
  matched: number;
  /** Releases left out, by the first constraint they failed. */
  excluded: Record<string, number>;
  /** How current the scores that rank the candidates are (all open-weights releases, before constraints). */
  window: EvidenceWindow;
}

type Row = Omit<Candidate, 'rank' | 'restrictions'> & { license_category: string | null; osi_approved: boolean | null; terms_json: string | null };

/**
 * The model chooser: releases with downloadable weights that meet every constraint, ranked by
 * score on one measure (unscored last, newest first), each with its license's restrictions in
 * plain words. A constraint that depends on a term nobody has sourced leaves the release out.
 */
export async function choose(db: Db, c: ChooseConstraints): Promise<Choice> {
  const rows = await runQuery<Row>(db, 'choose', { as_of: c.asOf, measure: c.measure, max_age: c.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS });
  const excluded: Record<string, number> = {};
  const kept: Candidate[] = [];
  const upper = (xs?: string[]) => xs?.map((x) => x.toUpperCase());
  const country = upper(c.country);
  const excludeCountry = upper(c.excludeCountry);
  for (const r of rows) {
    const terms = r.terms_json ? (JSON.parse(r.terms_json) as LicenseTerms) : null;
    const reason = failedConstraint(r, terms, c, country, excludeCountry);
    if (reason) {
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      continue;
    }
    const { license_category: _c, osi_approved: _o, terms_json: _t, ...rest } = r;
    kept.push({ ...rest, rank: kept.length + 1, restrictions: restrictionsInPlainWords(terms, { license: r.license, gated: r.access === 'gated-weights' }) });
  }
  const window = await evidenceWindow(db, { asOf: c.asOf, measure: c.measure, scope: 'open-weights', ...(c.maxAgeDays ? { maxAgeDays: c.maxAgeDays } : {}) });
  return { as_of: c.asOf, measure: c.measure, candidates: kept.slice(0, c.top), matched: kept.length, excluded, window };
}

function failedConstraint(r: Row, terms: LicenseTerms | null, c: ChooseConstraints, country?: string[], excludeCountry?: string[]): string | undefined {
  if (country && !r.countries.some((x) => country.includes(x))) return 'country';
  if (excludeCountry && r.countries.some((x) => excludeCountry.includes(x))) return 'excluded country';
  if (c.org && !c.org.includes(r.org)) return 'organization';
  if (c.excludeOrg?.includes(r.org)) return 'excluded organization';
  if (c.maxParams !== undefined && (r.params_total === null || r.params_total > c.maxParams)) return r.params_total === null ? 'size unknown' : 'too large';
  if (c.minParams !== undefined && (r.params_total === null || r.params_total < c.minParams)) return r.params_total === null ? 'size unknown' : 'too small';
  if (c.modality && !c.modality.every((m) => r.modalities.includes(m))) return 'modality';
  if (c.type && !c.type.includes(r.type)) return 'type';
  if (c.ungated && r.access !== 'open-weights') return 'gated';
  if (c.osiApproved && r.osi_approved !== true) return 'not OSI-approved';
  const needsTerms = c.licenseAllows || c.noUserCap || c.outputTraining;
  if (needsTerms && !terms) return 'license terms unknown';
  if (c.licenseAllows === 'commercial') {
    if (terms!.commercial_use === 'unknown') return 'license terms unknown';
    if (terms!.commercial_use === 'forbidden') return 'no commercial use';
  }
  if (c.noUserCap) {
    if (terms!.user_threshold === 'unknown' || terms!.revenue_threshold_usd === 'unknown') return 'license terms unknown';
    if (typeof terms!.user_threshold === 'number' || typeof terms!.revenue_threshold_usd === 'number') return 'user or revenue cap';
  }
  if (c.outputTraining) {
    if (terms!.output_training_limit === 'unknown') return 'license terms unknown';
    if (terms!.output_training_limit === true) return 'outputs may not train other models';
  }
  return undefined;
}
