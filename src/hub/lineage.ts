import type { Columns } from './columns.js';
import { RELATION_RANK, REL_ROOT } from './relations.js';

/** Each repo's roots and relation, as typed arrays indexed by repo row. */
export interface Lineage {
  /** Root set of each repo: an index into setStart (sets are shared between repos). */
  rootSet: Int32Array;
  /** Set s holds setItems[setStart[s] .. setStart[s + 1]), repo rows sorted ascending. */
  setStart: Int32Array;
  setItems: Int32Array;
  /** Relation code of each repo (see RELATIONS). */
  relation: Uint8Array;
  stats: LineageStats;
}

export interface LineageStats {
  edges: number;
  /** Declared parents not in the snapshot: the chain ends at the child. */
  missingParents: number;
  /** Edges inside a strongly connected component (self-references included): ignored. */
  cycleEdges: number;
  /** Strongly connected components of more than one repo. */
  cycles: number;
  roots: number;
}

interface Graph {
  start: Int32Array;
  parent: Int32Array;
  rel: Int32Array;
}

/** Child -> parent edges in compressed rows; parents outside the snapshot are counted and dropped. */
export function buildGraph(c: Columns): { graph: Graph; edges: number; missing: number } {
  const n = c.size;
  const child = c.edgeChild.view();
  const rel = c.edgeRel.view();
  const parentRow = new Int32Array(child.length);
  const start = new Int32Array(n + 1);
  let missing = 0;
  for (let e = 0; e < child.length; e++) {
    const p = c.repos.ids.get(c.edgeParent[e]!);
    if (p === undefined) {
      parentRow[e] = -1;
      missing++;
    } else {
      parentRow[e] = p;
      start[child[e]! + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const parent = new Int32Array(child.length - missing);
  const relOut = new Int32Array(child.length - missing);
  for (let e = 0; e < child.length; e++) {
    if (parentRow[e]! < 0) continue;
    const at = fill[child[e]!]!++;
    parent[at] = parentRow[e]!;
    relOut[at] = rel[e]!;
  }
  return { graph: { start, parent, rel: relOut }, edges: child.length, missing };
}

/**
 * Strongly connected components by an iterative Tarjan walk along parent edges. Components come
 * out parents first (a component is finished only after every component above it), which is the
 * order the roots are computed in. Returns the component of each repo and the emission order.
 */
export function components(g: Graph, n: number): { comp: Int32Array; order: Int32Array; sizes: Int32Array } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const comp = new Int32Array(n);
  const order = new Int32Array(n);
  const sizes: number[] = [];
  let sp = 0;
  let next = 0;
  let emitted = 0;
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    let depth = 0;
    callNode[0] = s;
    callEdge[0] = g.start[s]!;
    index[s] = low[s] = next++;
    stack[sp++] = s;
    onStack[s] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < g.start[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = g.parent[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = g.start[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      if (low[v] === index[v]) {
        const id = sizes.length;
        let size = 0;
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          comp[w] = id;
          order[emitted++] = w;
          size++;
        } while (w !== v);
        sizes.push(size);
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  return { comp, order, sizes: Int32Array.from(sizes) };
}

/**
 * Roots of every repo: the ancestors with no parent in the snapshot, once edges inside a cycle
 * are ignored. A repo with no remaining parent is its own root. Repos with one parent (most of
 * them) share their parent's root set instead of copying it.
 */
export function lineage(c: Columns): Lineage {
  const n = c.size;
  const { graph: g, edges, missing } = buildGraph(c);
  const { comp, order, sizes } = components(g, n);
  const rootSet = new Int32Array(n);
  const relation = new Uint8Array(n);
  const setStart: number[] = [0];
  const items: number[] = [];
  let cycleEdges = 0;
  let roots = 0;
  const scratch: number[] = [];
  for (let k = 0; k < n; k++) {
    const v = order[k]!;
    let first = -1;
    let same = true;
    let rank = Infinity;
    let rel = REL_ROOT;
    for (let e = g.start[v]!; e < g.start[v + 1]!; e++) {
      const p = g.parent[e]!;
      if (comp[p] === comp[v]) {
        cycleEdges++;
        continue;
      }
      const r = g.rel[e]!;
      if (RELATION_RANK[r]! < rank) {
        rank = RELATION_RANK[r]!;
        rel = r;
      }
      if (first === -1) first = rootSet[p]!;
      else if (rootSet[p] !== first) same = false;
    }
    relation[v] = rel;
    if (first === -1) {
      roots++;
      rootSet[v] = setStart.length - 1;
      items.push(v);
      setStart.push(items.length);
    } else if (same) {
      rootSet[v] = first;
    } else {
      scratch.length = 0;
      for (let e = g.start[v]!; e < g.start[v + 1]!; e++) {
        const p = g.parent[e]!;
        if (comp[p] === comp[v]) continue;
        const s = rootSet[p]!;
        for (let i = setStart[s]!; i < setStart[s + 1]!; i++) scratch.push(items[i]!);
      }
      scratch.sort((a, b) => a - b);
      rootSet[v] = setStart.length - 1;
      let last = -1;
      for (const r of scratch) if (r !== last) items.push((last = r));
      setStart.push(items.length);
    }
  }
  let cycles = 0;
  for (const s of sizes) if (s > 1) cycles++;
  return {
    rootSet, relation, setStart: Int32Array.from(setStart), setItems: Int32Array.from(items),
    stats: { edges, missingParents: missing, cycleEdges, cycles, roots },
  };
}
