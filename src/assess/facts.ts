import type { Release } from '../domain/release.js';
import type { ComponentId, ComponentSpec, ComponentStatus } from '../domain/components.js';
import { COMPONENT_BY_ID } from '../domain/components.js';

/**
 * The component facts every rubric reads, with the two defaults they share:
 * - a component without its own license is covered by the release's license, as the MOF tool
 *   falls back to a release's distribution license;
 * - when no component fact covers the final weights, the access channels say what is known:
 *   `open-weights` means open, `gated-weights` gated, and a release reachable only through an
 *   API, a hosted app or not at all has closed weights.
 * A component nobody states anything about is `unknown`: never open, never closed.
 */
export interface EffectiveFact {
  id: ComponentId;
  spec: ComponentSpec;
  status: ComponentStatus;
  license: string | null;
  licenseFrom: 'component' | 'release' | null;
  /** Why the status was inferred rather than stated, if it was. */
  inferred: string | null;
}

export function spec(id: ComponentId): ComponentSpec {
  const s = COMPONENT_BY_ID.get(id);
  if (!s) throw new Error(`unknown component id ${id}`);
  return s;
}

/** The lower-case name used in reasons: "training code", "model parameters (final)". */
export function label(id: ComponentId): string {
  return spec(id).name.toLowerCase();
}

/** Available in some form: downloadable, possibly under conditions. */
export const isReleased = (s: ComponentStatus): boolean => s === 'open' || s === 'gated' || s === 'restricted';

function weightsFromAccess(release: Release): { status: ComponentStatus; why: string } | null {
  const access = new Set(release.access);
  if (access.has('open-weights')) return { status: 'open', why: 'weights inferred open from the open-weights access channel' };
  if (access.has('gated-weights')) return { status: 'gated', why: 'weights inferred gated from the gated-weights access channel' };
  if (access.size > 0) return { status: 'closed', why: `weights inferred closed: the release is reachable only as ${[...access].join(', ')}` };
  return null;
}

export function effectiveFact(release: Release, id: ComponentId): EffectiveFact {
  const fact = release.components[id];
  let status: ComponentStatus = fact?.status ?? 'unknown';
  let inferred: string | null = null;
  if (!fact && id === 'model-parameters-final') {
    const fromAccess = weightsFromAccess(release);
    if (fromAccess) {
      status = fromAccess.status;
      inferred = fromAccess.why;
    }
  }
  let license: string | null = null;
  let licenseFrom: EffectiveFact['licenseFrom'] = null;
  if (fact?.license) {
    license = fact.license;
    licenseFrom = 'component';
  } else if (isReleased(status) && release.license) {
    license = release.license;
    licenseFrom = 'release';
  }
  return { id, spec: spec(id), status, license, licenseFrom, inferred };
}
