import type { HubRecord } from './record.js';

/** A growable typed array: the graph and figures of millions of repos without an object each. */
class Grow<T extends Int32Array | Float64Array> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T, capacity = 1024) {
    this.data = make(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** Strings to dense ints, first seen first. */
export class Interner {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  intern(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.names.length;
      this.ids.set(s, i);
      this.names.push(s);
    }
    return i;
  }
}

/**
 * The snapshot as columns: one row per repo (ids interned to 0..n-1), its declared edges as
 * parallel arrays of (child row, parent name, relation). Parents are resolved to rows only
 * once every repo is known, since a listing names parents before or after their children.
 */
export class Columns {
  readonly repos = new Interner();
  readonly namespaces = new Interner();
  readonly months = new Interner();
  readonly namespace = new Grow((n) => new Int32Array(n));
  readonly month = new Grow((n) => new Int32Array(n));
  readonly downloads = new Grow((n) => new Float64Array(n));
  readonly downloadsAllTime = new Grow((n) => new Float64Array(n));
  readonly edgeChild = new Grow((n) => new Int32Array(n));
  readonly edgeRel = new Grow((n) => new Int32Array(n));
  readonly edgeParent: string[] = [];
  /** Repos listed more than once: the later record replaces the figures, edges are kept once. */
  duplicates = 0;

  add(r: HubRecord): void {
    const before = this.repos.names.length;
    const row = this.repos.intern(r.id);
    if (row < before) {
      this.duplicates++;
      this.downloads.data[row] = r.downloads;
      this.downloadsAllTime.data[row] = r.downloadsAllTime;
      return;
    }
    this.namespace.push(this.namespaces.intern(r.namespace));
    this.month.push(this.months.intern(r.month));
    this.downloads.push(r.downloads);
    this.downloadsAllTime.push(r.downloadsAllTime);
    for (let k = 0; k < r.parents.length; k++) {
      this.edgeChild.push(row);
      this.edgeRel.push(r.relations[k]!);
      this.edgeParent.push(r.parents[k]!);
    }
  }

  get size(): number {
    return this.repos.names.length;
  }
}
