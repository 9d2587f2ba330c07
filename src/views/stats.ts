import type { Db } from '../store/db.js';
import { queries } from '../store/queries.js';
import { measuresView } from './measures.js';

/** Headline counts, with camelCase keys as the public JSON contract of `aperture stats --json`. */
export async function statsView(db: Db) {
  const s = (await queries.stats(db)) as Record<string, number | string | null>;
  return {
    releases: s.releases,
    organizations: s.organizations,
    countries: s.countries,
    licenses: s.licenses,
    registeredLicenses: s.registered_licenses,
    sources: s.sources,
    families: s.families,
    earliestRelease: s.earliest_release,
    latestRelease: s.latest_release,
    releasesWithSource: s.releases_with_source,
    releasesWithWeights: s.releases_with_weights,
    releasesWithComponents: s.releases_with_components,
    events: s.events,
    claims: s.claims,
    capabilityObservations: s.capability_observations,
    adoptionObservations: s.adoption_observations,
    releasesWithCapability: s.releases_with_capability,
    attributeObservations: s.attribute_observations,
    /** Open disagreements between release records and imported datasets (resolved ones apart). */
    conflicts: s.conflicts,
    resolvedConflicts: s.resolved_conflicts,
    unmatchedNames: s.unmatched_names,
    peerObservations: s.peer_observations,
    /** Per capability measure: releases scored, observations, sources, first and last observation date. */
    measures: await measuresView(db),
  };
}
