/**
 * The relations a repo can have to its lineage. `root` is a repo with no parent in the
 * snapshot; the others come from the Hub's `base_model:<relation>:<parent>` tags, and
 * `unknown` from a plain `base_model:<parent>` tag or `cardData.base_model`.
 */
export const RELATIONS = ['root', 'finetune', 'adapter', 'quantized', 'merge', 'unknown'] as const;
export type Relation = (typeof RELATIONS)[number];

export const REL_ROOT = 0;
export const REL_UNKNOWN = 5;

const TYPED: Record<string, number> = { finetune: 1, adapter: 2, quantized: 3, merge: 4 };

/**
 * When a repo names parents under several relations, the one it is counted under: a merge is
 * the most specific statement about a repo, a plain tag the least. Lower rank wins.
 */
export const RELATION_RANK: readonly number[] = [0, 4, 2, 3, 1, 5];

/** Parents a repo declares, each once, with the relation code it is declared under. */
export interface Declared {
  parents: string[];
  relations: number[];
}

/**
 * Reads the declared parents from tags and cardData.base_model. A typed tag wins over a plain
 * one naming the same parent; a parent named twice under typed relations keeps the best-ranked
 * relation. Parent ids are compared case-insensitively, as the Hub does.
 */
export function declaredParents(tags: readonly string[] | undefined, cardBase: unknown): Declared {
  const out: Declared = { parents: [], relations: [] };
  const index = new Map<string, number>();
  const add = (parent: string, rel: number, typed: boolean) => {
    const p = parent.trim().toLowerCase();
    if (!p) return;
    const at = index.get(p);
    if (at === undefined) {
      index.set(p, out.parents.length);
      out.parents.push(p);
      out.relations.push(rel);
    } else if (typed && (out.relations[at] === REL_UNKNOWN || RELATION_RANK[rel]! < RELATION_RANK[out.relations[at]!]!)) {
      out.relations[at] = rel;
    }
  };
  const plain: string[] = [];
  for (const tag of tags ?? []) {
    if (!tag.startsWith('base_model:')) continue;
    const rest = tag.slice(11);
    const colon = rest.indexOf(':');
    const rel = colon > 0 ? TYPED[rest.slice(0, colon)] : undefined;
    if (rel !== undefined) add(rest.slice(colon + 1), rel, true);
    else plain.push(rest);
  }
  for (const p of plain) add(p, REL_UNKNOWN, false);
  if (typeof cardBase === 'string') add(cardBase, REL_UNKNOWN, false);
  else if (Array.isArray(cardBase)) for (const p of cardBase) if (typeof p === 'string') add(p, REL_UNKNOWN, false);
  return out;
}
