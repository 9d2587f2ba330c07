import { z } from 'zod';
import {
  AdoptionObservationSchema,
  CapabilityObservationSchema,
  ClaimSchema,
  EventSchema,
  LicenseSchema,
  OrganizationSchema,
  ReleaseFileSchema,
  SourceSchema,
} from '../domain/index.js';
import type { FactBase, Origin } from './fact-base.js';
import type { YamlPath } from './yaml-file.js';
import { IMPORT_FILE_KINDS } from './file-kinds-imports.js';
import { PEER_FILE_KINDS } from './file-kinds-peers.js';
import type { NdjsonSingle } from './ndjson-file.js';

/**
 * Each folder of data/ holds one kind of file. A kind says which files it owns, the schema of
 * one record, whether the file is a list of records or a single one, and where records go.
 */
export interface FileKind {
  name: string;
  /** Matches the path relative to the data folder, with forward slashes. */
  owns(relPath: string): boolean;
  /** `parts`: the file is split into records by a loader of its own (family files). */
  shape: 'list' | 'single' | 'parts';
  schema: z.ZodType;
  /** For a `single` kind written as NDJSON by an importer: which list field its lines fill. */
  ndjson?: NdjsonSingle;
  add(facts: FactBase, record: unknown, origin: Origin, at: YamlPath): void;
}

const under = (folder: string) => (rel: string) => rel.startsWith(folder + '/') && DATA_FILE.test(rel);

/** YAML for what people write, NDJSON for what importers generate (data/README.md). */
export const DATA_FILE = /\.(ya?ml|ndjson)$/;

export const FILE_KINDS: readonly FileKind[] = [
  {
    name: 'sources',
    // Imported datasets' sources and the sources of the imported org table are kept apart from curated ones.
    owns: (rel) => under('sources')(rel) || under('imported/sources')(rel) || rel === 'orgs-imported/sources.yaml',
    shape: 'list',
    schema: SourceSchema,
    add: (f, r, origin) => f.sources.push({ value: r as never, origin }),
  },
  {
    name: 'orgs',
    owns: under('orgs'),
    shape: 'single',
    schema: OrganizationSchema,
    add: (f, r, origin) => f.orgs.push({ value: r as never, origin }),
  },
  {
    name: 'licenses',
    owns: under('licenses'),
    shape: 'single',
    schema: LicenseSchema,
    add: (f, r, origin) => f.licenses.push({ value: r as never, origin }),
  },
  {
    // Family files are checked part by part in release-file.ts; this entry only claims the folder.
    name: 'releases',
    owns: under('releases'),
    shape: 'parts',
    schema: ReleaseFileSchema,
    add: () => {
      throw new Error('release files are loaded by loadReleaseFile');
    },
  },
  {
    name: 'events',
    owns: under('events'),
    shape: 'list',
    schema: EventSchema,
    add: (f, r, origin) => f.events.push({ value: r as never, origin }),
  },
  {
    name: 'claims',
    owns: under('claims'),
    shape: 'single',
    schema: ClaimSchema,
    add: (f, r, origin) => f.claims.push({ value: r as never, origin }),
  },
  {
    name: 'observations/capability',
    owns: (rel) => under('observations/capability')(rel) || under('imported/capability')(rel),
    shape: 'list',
    schema: CapabilityObservationSchema,
    add: (f, r, origin) => f.capability.push({ value: r as never, origin }),
  },
  {
    name: 'observations/adoption',
    owns: (rel) => under('observations/adoption')(rel) || under('imported/adoption')(rel),
    shape: 'list',
    schema: AdoptionObservationSchema,
    add: (f, r, origin) => f.adoption.push({ value: r as never, origin }),
  },
  ...IMPORT_FILE_KINDS,
  ...PEER_FILE_KINDS,
];
