import type { ComponentId } from '../domain/components.js';
import type { LicenseAnalysis } from './license-analysis.js';
import type { MofResult } from './mof.js';
import type { OsaiResult } from './osai-index.js';
import type { OsaidResult } from './osaid.js';
import type { AccessTierResult } from './access-tier.js';

/**
 * Openness profile: five numbers per release for charts, each read off the other rubrics rather
 * than judged anew. Every value is 0..1, or null when no fact speaks to it.
 * - weights: the OSAI end-user-model weights grade (open 1, partial 0.5, closed 0); the access
 *   tier is its category.
 * - code: share of the MOF code components (architecture, training, inference, evaluation, data
 *   preprocessing) that count for the MOF, i.e. are released under an open license.
 * - data: the same share for datasets and evaluation data.
 * - documentation: the mean of the OSAI model card, datasheet, preprint and paper grades (open 1,
 *   partial 0.5, closed and unknown 0). Documents serve study, so their availability counts
 *   here rather than their license (the MOF shares above are about reuse).
 * - license freedom: from the weights license analysis: open with no restrictions 1, open with
 *   restrictions 0.75, custom restrictive 0.5, non-commercial 0.25, proprietary 0; unknown null.
 * A share or mean is null only when every component or grade in it is unknown.
 */
export const VERSION = '1.1.0';

export interface ProfileAxis {
  value: number | null;
  category: string;
  basis: string;
}

export interface OpennessProfile {
  weights: ProfileAxis;
  code: ProfileAxis;
  data: ProfileAxis;
  documentation: ProfileAxis;
  licenseFreedom: ProfileAxis;
  /** Headline figures of the other rubrics, for joining in charts. */
  mofClass: 1 | 2 | 3 | null;
  osaiScore: number;
  osaid: OsaidResult['verdict'];
  accessTier: AccessTierResult['tier'];
  reasons: string[];
  summary: string;
}

const CODE: ComponentId[] = ['model-architecture', 'training-code', 'inference-code', 'evaluation-code', 'data-preprocessing-code'];
const DATA: ComponentId[] = ['datasets', 'evaluation-data'];
const DOC_PARAMS = ['modelcard', 'datasheet', 'preprint', 'paper'] as const;

function share(mof: MofResult, ids: ComponentId[], what: string): ProfileAxis {
  const checks = mof.components.filter((c) => ids.includes(c.id));
  const open = checks.filter((c) => c.satisfied).length;
  const known = checks.filter((c) => c.status !== 'unknown').length;
  if (known === 0) return { value: null, category: 'unknown', basis: `no facts on ${what}` };
  const value = Math.round((open / checks.length) * 1000) / 1000;
  const category = open === checks.length ? 'open' : open === 0 ? 'closed' : 'partial';
  return { value, category, basis: `${open} of ${checks.length} ${what} components openly licensed (MOF)` };
}

function freedom(license: LicenseAnalysis): ProfileAxis {
  const basis = license.summary;
  switch (license.category) {
    case 'open-source':
    case 'open-data':
    case 'open-documentation':
      return license.restrictions.length === 0
        ? { value: 1, category: 'open', basis }
        : { value: 0.75, category: 'open-with-restrictions', basis };
    case 'custom-restrictive': return { value: 0.5, category: license.category, basis };
    case 'non-commercial': return { value: 0.25, category: license.category, basis };
    case 'proprietary': return { value: 0, category: license.category, basis };
    case 'unknown':
    case 'none':
      return { value: null, category: license.category, basis };
  }
}

const POINTS = { open: 1, partial: 0.5, closed: 0 } as const;

function documents(osai: OsaiResult): ProfileAxis {
  const params = osai.params.filter((p) => (DOC_PARAMS as readonly string[]).includes(p.param));
  if (params.every((p) => p.grade === 'unknown')) return { value: null, category: 'unknown', basis: 'no facts on documentation' };
  const points = params.reduce((n, p) => n + (p.grade === 'unknown' ? 0 : POINTS[p.grade]), 0);
  const value = Math.round((points / params.length) * 1000) / 1000;
  const category = value === 1 ? 'open' : value === 0 ? 'closed' : 'partial';
  return { value, category, basis: params.map((p) => `${p.label} ${p.grade}`).join(', ') + ' (OSAI)' };
}

export function buildProfile(parts: { license: LicenseAnalysis; mof: MofResult; osai: OsaiResult; osaid: OsaidResult; access: AccessTierResult }): OpennessProfile {
  const { license, mof, osai, osaid, access } = parts;
  const w = osai.params.find((p) => p.param === 'weights_endmodel');
  const weights: ProfileAxis =
    !w || w.grade === 'unknown'
      ? { value: null, category: access.tier, basis: w?.reason ?? 'weights unknown' }
      : { value: POINTS[w.grade], category: access.tier, basis: `${w.reason}; ${access.summary}` };
  const profile = {
    weights,
    code: share(mof, CODE, 'code'),
    data: share(mof, DATA, 'data'),
    documentation: documents(osai),
    licenseFreedom: freedom(license),
  };
  const fmt = (a: ProfileAxis) => (a.value === null ? '?' : a.value.toFixed(2));
  const reasons = (Object.entries(profile) as [string, ProfileAxis][]).map(([k, a]) => `${k}: ${fmt(a)} (${a.basis})`);
  return {
    ...profile,
    mofClass: mof.class,
    osaiScore: osai.score,
    osaid: osaid.verdict,
    accessTier: access.tier,
    reasons,
    summary: `weights ${fmt(profile.weights)}, code ${fmt(profile.code)}, data ${fmt(profile.data)}, documentation ${fmt(profile.documentation)}, license ${fmt(profile.licenseFreedom)}`,
  };
}
