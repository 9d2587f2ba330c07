import type { Release } from '../domain/release.js';
import type { License } from '../domain/license.js';
import { VERSION as LICENSE_VERSION, analyzeLicense } from './license-analysis.js';
import type { LicenseAnalysis } from './license-analysis.js';
import { VERSION as MOF_VERSION, assessMof } from './mof.js';
import type { MofResult } from './mof.js';
import { VERSION as OSAI_VERSION, assessOsai } from './osai-index.js';
import type { EosaiObservation, OsaiResult } from './osai-index.js';
import { VERSION as OSAID_VERSION, assessOsaid } from './osaid.js';
import type { OsaidResult } from './osaid.js';
import { VERSION as ACCESS_VERSION, assessAccess } from './access-tier.js';
import type { AccessTierResult } from './access-tier.js';
import { VERSION as PROFILE_VERSION, buildProfile } from './profile.js';
import type { OpennessProfile } from './profile.js';

/**
 * Every openness rubric, computed from one release's facts. Pure and deterministic: the same
 * release and registry always give the same assessment; stored results carry RUBRIC_VERSIONS.
 */
export const RUBRIC_VERSIONS: Record<'license' | 'mof' | 'osai' | 'osaid' | 'access' | 'profile', string> = {
  license: LICENSE_VERSION,
  mof: MOF_VERSION,
  osai: OSAI_VERSION,
  osaid: OSAID_VERSION,
  access: ACCESS_VERSION,
  profile: PROFILE_VERSION,
};

export interface AssessContext {
  licenses: ReadonlyMap<string, License>;
  /** Other releases by id, so an instruct model's base-model grades can read its base. */
  releases?: ReadonlyMap<string, Release>;
  /** Observations from the European Open Source AI Index by release id, shown beside ours. */
  eosai?: ReadonlyMap<string, EosaiObservation>;
}

export interface Assessment {
  license: LicenseAnalysis;
  mof: MofResult;
  osai: OsaiResult;
  osaid: OsaidResult;
  access: AccessTierResult;
  profile: OpennessProfile;
}

export function assessRelease(release: Release, ctx: AssessContext): Assessment {
  const registry = ctx.licenses;
  const license = analyzeLicense(release.license, registry);
  const mof = assessMof(release, registry);
  const base = release.base_model ? ctx.releases?.get(release.base_model) : undefined;
  const theirs = ctx.eosai?.get(release.id);
  const osai = assessOsai(release, registry, { ...(base ? { base } : {}), ...(theirs ? { theirs } : {}) });
  const osaid = assessOsaid(release, registry);
  const access = assessAccess(release, registry, license);
  const profile = buildProfile({ license, mof, osai, osaid, access });
  return { license, mof, osai, osaid, access, profile };
}

export type { LicenseAnalysis, MofResult, OsaiResult, OsaidResult, AccessTierResult, OpennessProfile, EosaiObservation };
export { analyzeLicense, assessMof, assessOsai, assessOsaid, assessAccess, buildProfile };
