/**
 * A least-recently-used cache bounded by the bytes its values take (as measured by `size`),
 * not by their number: a crawler walking every page, sort and filter link must not grow the
 * server without bound, while a few big pages should not push out many small ones.
 * Concurrent requests for a key being computed share one computation; failures are not kept.
 */
export class ByteCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private readonly pending = new Map<string, Promise<V>>();
  private total = 0;

  constructor(
    readonly maxBytes: number,
    private readonly size: (value: V) => number,
  ) {}

  get bytes(): number {
    return this.total;
  }

  get count(): number {
    return this.entries.size;
  }

  /** The keys held, least recently used first. */
  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Re-inserting moves the key to the end: the Map's order is the recency order.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V): void {
    const bytes = this.size(value);
    const old = this.entries.get(key);
    if (old) {
      this.total -= old.bytes;
      this.entries.delete(key);
    }
    if (bytes > this.maxBytes) return; // never worth evicting everything for one value
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
  }

  /** The cached value, or the one `compute` gives (computed once for concurrent callers). */
  async through(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    let running = this.pending.get(key);
    if (!running) {
      running = compute();
      this.pending.set(key, running);
      running.then(
        (value) => {
          this.pending.delete(key);
          if (value !== undefined) this.set(key, value);
        },
        () => this.pending.delete(key),
      );
    }
    return running;
  }
}
