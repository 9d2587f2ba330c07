import type { ContentType } from '../domain/components.js';

/**
 * The Model Openness Framework's type-appropriate open licenses: which licenses the framework
 * expects on code, data and documents.
 *
 * Copied from the Model Openness Tool, `mof-licenses.json` (SPDX license list version cca0be7,
 * list dated 2024-03-25), https://github.com/lfai/model_openness_tool, snapshot 2026-05-11.
 * Copyright 2024 The Model Openness Tool Authors, MIT License: permission is granted to use,
 * copy, modify and distribute this list provided this notice is kept.
 *
 * Entries listed for several types in the tool (CC0-1.0, CC-PDDC) are merged into one entry.
 */
export interface MofLicense {
  id: string;
  name: string;
  types: readonly ContentType[];
  osiApproved: boolean;
}

export const MOF_LICENSE_LIST_VERSION = 'cca0be7 (2024-03-25)';

export const MOF_LICENSES: readonly MofLicense[] = [
  { id: '0BSD', name: 'BSD Zero Clause License', types: ['code'], osiApproved: true },
  { id: 'AFL-1.1', name: 'Academic Free License v1.1', types: ['code'], osiApproved: true },
  { id: 'AFL-1.2', name: 'Academic Free License v1.2', types: ['code'], osiApproved: true },
  { id: 'AFL-2.0', name: 'Academic Free License v2.0', types: ['code'], osiApproved: true },
  { id: 'AFL-2.1', name: 'Academic Free License v2.1', types: ['code'], osiApproved: true },
  { id: 'AFL-3.0', name: 'Academic Free License v3.0', types: ['code'], osiApproved: true },
  { id: 'Apache-1.0', name: 'Apache License 1.0', types: ['code'], osiApproved: false },
  { id: 'Apache-1.1', name: 'Apache License 1.1', types: ['code'], osiApproved: true },
  { id: 'Apache-2.0', name: 'Apache License 2.0', types: ['code', 'document'], osiApproved: true },
  { id: 'ECL-1.0', name: 'Educational Community License v1.0', types: ['code'], osiApproved: true },
  { id: 'ECL-2.0', name: 'Educational Community License v2.0', types: ['code'], osiApproved: true },
  { id: 'ISC', name: 'ISC License', types: ['code'], osiApproved: true },
  { id: 'MIT', name: 'MIT License', types: ['code'], osiApproved: true },
  { id: 'MIT-0', name: 'MIT No Attribution', types: ['code'], osiApproved: true },
  { id: 'MulanPSL-1.0', name: 'Mulan Permissive Software License, Version 1', types: ['code'], osiApproved: false },
  { id: 'MulanPSL-2.0', name: 'Mulan Permissive Software License, Version 2', types: ['code'], osiApproved: true },
  { id: 'NCSA', name: 'University of Illinois/NCSA Open Source License', types: ['code'], osiApproved: true },
  { id: 'UPL-1.0', name: 'Universal Permissive License v1.0', types: ['code'], osiApproved: true },
  { id: 'CDLA-Permissive-1.0', name: 'Community Data License Agreement Permissive 1.0', types: ['data'], osiApproved: false },
  { id: 'CDLA-Permissive-2.0', name: 'Community Data License Agreement Permissive 2.0', types: ['data'], osiApproved: false },
  { id: 'C-UDA-1.0', name: 'Computational Use of Data Agreement v1.0', types: ['data'], osiApproved: false },
  { id: 'CC-PDDC', name: 'Creative Commons Public Domain Dedication and Certification', types: ['data', 'document'], osiApproved: false },
  { id: 'CC0-1.0', name: 'Creative Commons Zero v1.0 Universal', types: ['data', 'document'], osiApproved: false },
  { id: 'PDDL-1.0', name: 'Open Data Commons Public Domain Dedication & License 1.0', types: ['data'], osiApproved: false },
  { id: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0 International', types: ['document'], osiApproved: false },
  { id: 'CC-BY-SA-3.0', name: 'Creative Commons Attribution Share Alike 3.0 Unported', types: ['document'], osiApproved: false },
  { id: 'CC-BY-SA-4.0', name: 'Creative Commons Attribution Share Alike 4.0 International', types: ['document'], osiApproved: false },
  { id: 'FreeBSD-DOC', name: 'FreeBSD Documentation License', types: ['document'], osiApproved: false },
  { id: 'OpenMDW-1.0', name: 'OpenMDW v1.0', types: ['document', 'data', 'code'], osiApproved: false },
];

const BY_ID = new Map(MOF_LICENSES.map((l) => [l.id.toLowerCase(), l]));

/** The tool's list entry for a license id (SPDX ids compare case-insensitively). */
export function mofLicense(id: string): MofLicense | undefined {
  return BY_ID.get(id.toLowerCase());
}

/** True when the MOF lists the license as appropriate for this kind of content. */
export function isMofTypeAppropriate(id: string, type: ContentType): boolean {
  return mofLicense(id)?.types.includes(type) ?? false;
}
