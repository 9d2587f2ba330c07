/**
 * Cycles in a "points to one other" relation (a release's base_model, an organization's
 * parent): each cycle once, as the ids in chain order starting from its smallest id, so the
 * message shows the whole loop and the same loop always reads the same way. Self-loops are
 * left to the callers, which already say "cannot be its own ...".
 */
export function findCycles(next: ReadonlyMap<string, string | undefined>): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of next.keys()) {
    if (done.has(start)) continue;
    const chain: string[] = [];
    const onChain = new Map<string, number>();
    let at: string | undefined = start;
    // Iterative walk: a chain of 100,000 releases must not recurse.
    while (at !== undefined && !done.has(at) && !onChain.has(at)) {
      onChain.set(at, chain.length);
      chain.push(at);
      at = next.get(at);
    }
    if (at !== undefined && onChain.has(at)) {
      const loop = chain.slice(onChain.get(at)!);
      if (loop.length > 1) {
        const first = loop.indexOf([...loop].sort()[0]!);
        cycles.push([...loop.slice(first), ...loop.slice(0, first)]);
      }
    }
    for (const id of chain) done.add(id);
  }
  return cycles;
}
