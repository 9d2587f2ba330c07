import type { Release } from '../domain/release.js';
import type { License } from '../domain/license.js';
import { analyzeLicense } from './license-analysis.js';
import type { LicenseAnalysis } from './license-analysis.js';

/**
 * Access tier with Epoch AI's "Model accessibility" labels, from the release's access channels
 * and the analysis of its weights license:
 * - downloadable weights (open or gated): "Open weights (non-commercial)" when the license
 *   forbids commercial use; "Open weights (unrestricted)" when it is an open license (OSI, open
 *   data or open documentation) with no use restrictions; otherwise "Open weights (restricted
 *   use)" (custom licenses, acceptable-use policies, user caps, proprietary terms). Gating alone
 *   does not change the tier: it is about use, not about the click-through.
 *   When no license is recorded, or its terms are unknown, we do not guess: the tier is
 *   `open-weights-unknown-terms`, which has no Epoch label.
 * - else "API access", else "Hosted access (no API)", else "Unreleased".
 * The most open channel decides.
 */
export const VERSION = '1.0.0';

export const ACCESS_TIERS = [
  'unreleased',
  'hosted-access',
  'api-access',
  'open-weights-non-commercial',
  'open-weights-unknown-terms',
  'open-weights-restricted',
  'open-weights-unrestricted',
] as const;
/** Ordered from least to most open. */
export type AccessTier = (typeof ACCESS_TIERS)[number];

export const EPOCH_LABEL: Record<AccessTier, string | null> = {
  unreleased: 'Unreleased',
  'hosted-access': 'Hosted access (no API)',
  'api-access': 'API access',
  'open-weights-non-commercial': 'Open weights (non-commercial)',
  'open-weights-unknown-terms': null,
  'open-weights-restricted': 'Open weights (restricted use)',
  'open-weights-unrestricted': 'Open weights (unrestricted)',
};

export interface AccessTierResult {
  tier: AccessTier;
  /** Epoch's label for the tier, null when the weights' terms are unknown. */
  epochLabel: string | null;
  openWeights: boolean;
  gated: boolean;
  reasons: string[];
  summary: string;
}

function weightsTier(license: LicenseAnalysis): { tier: AccessTier; why: string } {
  if (license.category === 'none') return { tier: 'open-weights-unknown-terms', why: 'no license is recorded for the weights' };
  if (license.commercialUse === 'forbidden' || license.category === 'non-commercial') {
    return { tier: 'open-weights-non-commercial', why: `${license.expression} forbids commercial use` };
  }
  if (license.isOpen && license.restrictions.length === 0) {
    return { tier: 'open-weights-unrestricted', why: `${license.expression} is an open license without use restrictions` };
  }
  if (license.category === 'unknown') return { tier: 'open-weights-unknown-terms', why: `the terms of ${license.expression} are unknown` };
  if (license.restrictions.length > 0) {
    return { tier: 'open-weights-restricted', why: `${license.expression} restricts use: ${license.restrictions.join('; ')}` };
  }
  return { tier: 'open-weights-restricted', why: `${license.expression} is not an open license (${license.category})` };
}

export function assessAccess(release: Release, registry: ReadonlyMap<string, License>, license?: LicenseAnalysis): AccessTierResult {
  const access = new Set(release.access);
  const gated = access.has('gated-weights') && !access.has('open-weights');
  const reasons: string[] = [];
  let tier: AccessTier;
  if (access.has('open-weights') || access.has('gated-weights')) {
    const analysis = license ?? analyzeLicense(release.license, registry);
    const w = weightsTier(analysis);
    tier = w.tier;
    reasons.push(gated ? 'weights are downloadable after accepting terms or an approval (gated)' : 'weights are downloadable without asking');
    reasons.push(w.why);
  } else if (access.has('api')) {
    tier = 'api-access';
    reasons.push('no downloadable weights; the model is reachable through an API');
  } else if (access.has('hosted-app')) {
    tier = 'hosted-access';
    reasons.push('no downloadable weights and no API; the model is reachable only in a hosted app');
  } else {
    tier = 'unreleased';
    reasons.push('no access channel: the model is not released');
  }
  const epochLabel = EPOCH_LABEL[tier];
  const openWeights = tier.startsWith('open-weights');
  return {
    tier,
    epochLabel,
    openWeights,
    gated,
    reasons,
    summary: epochLabel ?? 'Open weights (terms unknown)',
  };
}
