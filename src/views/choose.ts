import { z } from 'zod';
import { MODALITIES, RELEASE_TYPES } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { choose } from '../analytics/choose.js';
import { AsOfParam, Country, Flag, List, Measure, ParamCountParam, PositiveInt } from './analytics-params.js';

export const ChooseParams = z.strictObject({
  as_of: AsOfParam,
  measure: Measure,
  license_allows: z.enum(['commercial']).optional(),
  no_user_cap: Flag.optional(),
  output_training: Flag.optional(),
  osi: Flag.optional(),
  ungated: Flag.optional(),
  country: List(Country).optional(),
  exclude_country: List(Country).optional(),
  org: List(z.string().min(1)).optional(),
  exclude_org: List(z.string().min(1)).optional(),
  max_params: ParamCountParam.optional(),
  min_params: ParamCountParam.optional(),
  modality: List(z.enum(MODALITIES)).optional(),
  type: List(z.enum(RELEASE_TYPES)).optional(),
  top: PositiveInt(500).default(10),
  max_age_days: PositiveInt(36500).optional(),
});
export type ChooseParams = z.infer<typeof ChooseParams>;

/** Ranked open-weights candidates meeting every constraint, with their license restrictions in plain words. */
export function chooseView(db: Db, p: ChooseParams) {
  return choose(db, {
    asOf: p.as_of, measure: p.measure, licenseAllows: p.license_allows, noUserCap: p.no_user_cap, outputTraining: p.output_training,
    osiApproved: p.osi, ungated: p.ungated, country: p.country, excludeCountry: p.exclude_country, org: p.org, excludeOrg: p.exclude_org,
    maxParams: p.max_params, minParams: p.min_params, modality: p.modality, type: p.type, top: p.top, maxAgeDays: p.max_age_days,
  });
}
