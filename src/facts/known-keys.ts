import { z } from 'zod';

/**
 * All field names the schemas accept, for "did you mean" hints on unknown fields. Walks object
 * shapes through wrappers (optional, default, arrays, unions, records).
 */
export function knownKeys(schemas: readonly z.ZodType[]): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (s: unknown): void => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object') {
      const shape = def.shape as Record<string, unknown>;
      for (const [k, v] of Object.entries(shape)) {
        keys.add(k);
        visit(v);
      }
    }
    for (const field of ['innerType', 'element', 'valueType', 'keyType', 'in', 'out', 'schema']) visit(def[field]);
    if (Array.isArray(def.options)) def.options.forEach(visit);
  };
  schemas.forEach(visit);
  return keys;
}
