import type { LicenseCategory, CommercialUse } from './license-analysis.js';

/**
 * Classification of SPDX-listed licenses that are not in the project's registry, from the
 * license family the id names. The SPDX list only says whether a license is OSI-approved, so
 * open data and open documentation licenses are recognised by family:
 * - open data: CDLA, CC0, CC-BY and CC-BY-SA, CC-PDDC/PDM, ODC-By, ODbL, PDDL, C-UDA, OpenMDW,
 *   and national open-government data licenses (OGL, etalab, NLOD, DL-DE);
 * - open documentation: GFDL, FreeBSD-DOC, OPUBL;
 * - CC "NC" variants are non-commercial; CC "ND" variants forbid sharing modified versions.
 * Anything else that is not OSI-approved is treated as custom restrictive, because we cannot
 * tell what it allows.
 */
export interface SpdxKind {
  category: LicenseCategory;
  commercialUse: CommercialUse;
  restrictions: string[];
  obligations: string[];
  unknownTerms: string[];
}

const NON_COMMERCIAL = /(^|-)NC(-|$)/;
const NO_DERIVATIVES = /(^|-)ND(-|$)/;
const OPEN_DATA = /^(CDLA-|CC0-|CC-BY-|CC-PDDC|CC-PDM-|ODC-By-|ODbL-|PDDL-|C-UDA-|OpenMDW-|OGL-|etalab-|NLOD-|DL-DE-)/;
const OPEN_DOCUMENTATION = /^(GFDL-|FreeBSD-DOC|OPUBL-)/;
const SHARE_ALIKE = /^(GPL-|AGPL-|LGPL-|MPL-|EPL-|EUPL-|CDDL-|OSL-|CC-BY-SA-|CC-BY-NC-SA-|ODbL-|CDLA-Sharing-|GFDL-)/;
const ATTRIBUTION = /^(CC-BY-|ODC-By-|CDLA-|OGL-)/;

export function classifySpdxId(id: string, osiApproved: boolean): SpdxKind {
  const obligations: string[] = [];
  if (ATTRIBUTION.test(id)) obligations.push('attribution is required');
  if (SHARE_ALIKE.test(id)) obligations.push('modified versions must be shared under the same license');
  if (osiApproved) return { category: 'open-source', commercialUse: 'allowed', restrictions: [], obligations, unknownTerms: [] };
  if (NON_COMMERCIAL.test(id)) {
    const restrictions = ['commercial use is not allowed'];
    if (NO_DERIVATIVES.test(id)) restrictions.push('modified versions may not be shared');
    return { category: 'non-commercial', commercialUse: 'forbidden', restrictions, obligations, unknownTerms: [] };
  }
  if (NO_DERIVATIVES.test(id)) {
    return { category: 'custom-restrictive', commercialUse: 'allowed', restrictions: ['modified versions may not be shared'], obligations, unknownTerms: [] };
  }
  if (OPEN_DATA.test(id)) return { category: 'open-data', commercialUse: 'allowed', restrictions: [], obligations, unknownTerms: [] };
  if (OPEN_DOCUMENTATION.test(id)) return { category: 'open-documentation', commercialUse: 'allowed', restrictions: [], obligations, unknownTerms: [] };
  return {
    category: 'custom-restrictive',
    commercialUse: 'unknown',
    restrictions: [],
    obligations,
    unknownTerms: [`what ${id} allows (not OSI-approved and not a recognised open data or documentation license)`],
  };
}
