import type { FactBase } from '../facts/fact-base.js';
import { findConflicts } from '../facts/conflicts.js';
import { isImportedFile } from '../facts/resolve/index.js';
import type { Tables } from './rows.js';

/** Rows of the import tables (schema-imports.sql): observations, conflicts, unmatched names (pure). */
export function importRows(facts: FactBase): Tables {
  const conflicts = findConflicts(facts, (file) => !isImportedFile(file));
  return {
    attribute_observations: facts.attributes.map(({ value: o }) => ({
      release_id: o.release, attribute: o.attribute, value: String(o.value), source_id: o.source, upstream_name: o.upstream_name ?? null,
    })),
    conflicts: conflicts.map((c) => ({
      release_id: c.release, attribute: c.attribute, recorded_value: String(c.recorded), recorded_sources: c.recordedSources.join(','),
      curated: c.curated, observed_value: String(c.observed), observed_source: c.observedSource, upstream_name: c.upstreamName ?? null,
      resolved_value: c.resolution ? String(c.resolution.value) : null, resolution_reason: c.resolution?.reason ?? null,
      resolution_file: c.resolution?.file ?? null, resolution_line: c.resolution?.line ?? null,
    })),
    unmatched: facts.unmatched.map(({ value: u, origin }) => ({
      upstream: u.upstream, name: u.name, org: u.org ?? null, reason: u.reason, candidates: u.candidates.join(','),
      detail: u.detail ?? null, rows: u.rows, file: origin.file, line: origin.line,
    })),
  };
}
