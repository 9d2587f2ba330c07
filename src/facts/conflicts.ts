import { parsePartialDate, type Attribute } from '../domain/index.js';
import type { FactBase, ReleaseFact } from './fact-base.js';

export interface Conflict {
  release: string;
  attribute: Attribute;
  /** The value the release record holds, and the sources that record cites. */
  recorded: string | number;
  recordedSources: string[];
  /** Whether the release record is hand-curated (rather than created by an import). */
  curated: boolean;
  observed: string | number;
  observedSource: string;
  upstreamName?: string;
  /** A curated override that settles the conflict, when there is one. */
  resolution?: { value: string | number; reason: string; file: string; line: number };
}

/** Relative difference in parameter counts below which two sources agree (rounding: "7B" vs 7.24B). */
export const PARAMS_TOLERANCE = 0.1;

/**
 * Disagreements between what a release record says and what an imported dataset says about
 * it. Both values are kept; nothing is picked. A date written with less precision agrees with
 * any date inside it (2024-07 and 2024-07-23). Access is compared on what matters for
 * openness: whether the weights can be downloaded. Attributes a record leaves empty are not
 * conflicts, only additions.
 */
export function findConflicts(facts: FactBase, isCurated: (file: string) => boolean): Conflict[] {
  const releases = new Map(facts.releases.map((r) => [r.value.id, r]));
  const overrides = new Map(facts.overrides.map((o) => [`${o.value.release}\0${o.value.attribute}`, o]));
  const out: Conflict[] = [];
  for (const { value: o } of facts.attributes) {
    const rec = releases.get(o.release);
    if (!rec) continue;
    const recorded = recordedValue(rec.value, o.attribute);
    if (recorded === undefined || agrees(o.attribute, recorded, o.value)) continue;
    // The source that created an imported release is not in conflict with itself.
    if (rec.value.sources.includes(o.source)) continue;
    const ov = overrides.get(`${o.release}\0${o.attribute}`);
    out.push({
      release: o.release, attribute: o.attribute, recorded, recordedSources: rec.value.sources, curated: isCurated(rec.origin.file),
      observed: o.value, observedSource: o.source, ...(o.upstream_name ? { upstreamName: o.upstream_name } : {}),
      ...(ov ? { resolution: { value: ov.value.value, reason: ov.value.reason, file: ov.origin.file, line: ov.origin.line } } : {}),
    });
  }
  return out;
}

function recordedValue(r: ReleaseFact, attribute: Attribute): string | number | undefined {
  switch (attribute) {
    case 'date':
      return r.date;
    case 'params-total':
      return r.params?.total;
    case 'params-active':
      return r.params?.active;
    case 'access':
      return r.access.join(',');
    case 'license':
      return r.license;
    case 'hf-repo':
      return undefined; // more repos are additions, never disagreements
  }
}

const weights = (access: string) => access.split(',').some((a) => a === 'open-weights' || a === 'gated-weights');

export function agrees(attribute: Attribute, recorded: string | number, observed: string | number): boolean {
  switch (attribute) {
    case 'date': {
      const a = parsePartialDate(String(recorded));
      const b = parsePartialDate(String(observed));
      if (typeof a === 'string' || typeof b === 'string') return String(recorded) === String(observed);
      return a.value.startsWith(b.value) || b.value.startsWith(a.value);
    }
    case 'params-total':
    case 'params-active': {
      const a = Number(recorded);
      const b = Number(observed);
      return Math.abs(a - b) <= PARAMS_TOLERANCE * Math.max(a, b);
    }
    case 'access':
      return weights(String(recorded)) === weights(String(observed));
    case 'license':
      return String(recorded).toLowerCase() === String(observed).toLowerCase();
    case 'hf-repo':
      return true;
  }
}
