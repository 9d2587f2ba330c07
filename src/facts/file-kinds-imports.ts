import {
  AttributeObservationSchema,
  CapabilitySeriesSchema,
  type CapabilitySeries,
  ImportedReleaseSchema,
  OrganizationSchema,
  OrgAliasSchema,
  OverrideSchema,
  ReleaseAliasSchema,
  EndpointAliasSchema,
  UnmatchedSchema,
  type ImportedRelease,
} from '../domain/index.js';
import type { FileKind } from './file-kinds.js';
import { importedFamilyId } from './imported-family.js';

const under = (folder: string) => (rel: string) => rel.startsWith(folder + '/') && /\.(ya?ml|ndjson)$/.test(rel);

/**
 * Folders written by importers (data/imported/), the organization table they grow
 * (data/orgs-imported/), and the hand-maintained alias and override tables.
 */
export const IMPORT_FILE_KINDS: readonly FileKind[] = [
  {
    name: 'orgs-imported',
    owns: (rel) => rel.startsWith('orgs-imported/') && /\.(ya?ml|ndjson)$/.test(rel) && rel !== 'orgs-imported/sources.yaml',
    shape: 'list',
    schema: OrganizationSchema,
    add: (f, r, origin) => f.orgs.push({ value: r as never, origin }),
  },
  {
    name: 'imported/releases',
    owns: under('imported/releases'),
    shape: 'list',
    schema: ImportedReleaseSchema,
    add: (f, r, origin) => {
      const release = r as ImportedRelease;
      // Each imported release is its own family unless it names one; the family takes its name.
      const family = release.family ?? importedFamilyId(release.id);
      if (!f.families.some((x) => x.value.id === family && x.origin.file === origin.file)) {
        f.families.push({ value: { id: family, name: release.name, org: release.org, sources: release.sources }, origin });
      }
      f.releases.push({ value: { ...release, family }, origin });
    },
  },
  {
    name: 'imported/capability-series',
    owns: under('imported/capability-series'),
    shape: 'list',
    schema: CapabilitySeriesSchema,
    add: (f, r, origin) => {
      const s = r as CapabilitySeries;
      for (const [date, value] of Object.entries(s.scores)) {
        const lineOf = (path: ReadonlyArray<string | number>) => origin.lineOf(path.length ? ['scores', date] : []);
        f.capability.push({ value: { release: s.release, measure: s.measure, value, date, source: s.source }, origin: { file: origin.file, line: origin.line, lineOf } });
      }
    },
  },
  {
    name: 'imported/observations',
    owns: under('imported/observations'),
    shape: 'list',
    schema: AttributeObservationSchema,
    add: (f, r, origin) => f.attributes.push({ value: r as never, origin }),
  },
  {
    name: 'imported/unmatched',
    owns: under('imported/unmatched'),
    shape: 'list',
    schema: UnmatchedSchema,
    add: (f, r, origin) => f.unmatched.push({ value: r as never, origin }),
  },
  {
    name: 'overrides',
    owns: under('overrides'),
    shape: 'list',
    schema: OverrideSchema,
    add: (f, r, origin) => f.overrides.push({ value: r as never, origin }),
  },
  {
    name: 'aliases/releases.yaml',
    owns: (rel) => rel === 'aliases/releases.yaml' || under('aliases/releases')(rel),
    shape: 'list',
    schema: ReleaseAliasSchema,
    add: (f, r, origin) => f.releaseAliases.push({ value: r as never, origin }),
  },
  {
    name: 'aliases/endpoints.yaml',
    owns: (rel) => rel === 'aliases/endpoints.yaml',
    shape: 'list',
    schema: EndpointAliasSchema,
    add: (f, r, origin) => f.endpointAliases.push({ value: r as never, origin }),
  },
  {
    name: 'aliases/orgs.yaml',
    owns: (rel) => rel === 'aliases/orgs.yaml' || under('aliases/orgs')(rel),
    shape: 'list',
    schema: OrgAliasSchema,
    add: (f, r, origin) => f.orgAliases.push({ value: r as never, origin }),
  },
];
