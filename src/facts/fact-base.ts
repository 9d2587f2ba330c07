import type {
  AdoptionObservation,
  AttributeObservation,
  OrgAlias,
  Override,
  PeerEntry,
  ReleaseAlias,
  EndpointAlias,
  Unmatched,
  CapabilityObservation,
  Claim,
  Event,
  Family,
  License,
  Organization,
  Release,
  Source,
} from '../domain/index.js';
import type { YamlPath } from './yaml-file.js';

/** Where a record was written, so later checks can point at the exact line of any field. */
export interface Origin {
  file: string;
  line: number;
  lineOf(path: YamlPath): number;
}

export interface Located<T> {
  value: T;
  origin: Origin;
}

/** A release with the family it belongs to resolved: org defaults to the family's org. */
export type ReleaseFact = Release & { family: string; org: string };

/** Everything loaded from data/, each record with its origin. */
export interface FactBase {
  sources: Located<Source>[];
  orgs: Located<Organization>[];
  licenses: Located<License>[];
  families: Located<Family>[];
  releases: Located<ReleaseFact>[];
  events: Located<Event>[];
  claims: Located<Claim>[];
  capability: Located<CapabilityObservation>[];
  adoption: Located<AdoptionObservation>[];
  /** What imported datasets say about releases' attributes (data/imported/observations). */
  attributes: Located<AttributeObservation>[];
  /** Curated resolutions of conflicts (data/overrides). */
  overrides: Located<Override>[];
  /** Upstream names no release could be tied to (data/imported/unmatched). */
  unmatched: Located<Unmatched>[];
  /** Upstream names of releases and organizations (data/aliases). */
  releaseAliases: Located<ReleaseAlias>[];
  orgAliases: Located<OrgAlias>[];
  endpointAliases: Located<EndpointAlias>[];
  /** What peer indices (EOSAI, MOT) say, attributed to them (data/imported/osai-index, data/imported/mot). */
  peers: Located<PeerEntry>[];
  /**
   * Ids of records that exist in data/ but failed their schema. They are reported once, where
   * they are broken; references to them are not reported again as dangling.
   */
  invalidIds: Set<string>;
}

/** Key of an invalid record in FactBase.invalidIds, e.g. `orgs:meta`. */
export const invalidKey = (collection: string, id: string) => `${collection}:${id}`;

export function emptyFactBase(): FactBase {
  return { sources: [], orgs: [], licenses: [], families: [], releases: [], events: [], claims: [], capability: [], adoption: [], invalidIds: new Set(),
    attributes: [], overrides: [], unmatched: [], releaseAliases: [], orgAliases: [], endpointAliases: [], peers: [] };
}
