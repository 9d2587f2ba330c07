import { open } from 'node:fs/promises';
import { aggregate, type Aggregates } from './aggregate.js';
import { attribution, type OrgRef } from './attribution.js';
import { Columns } from './columns.js';
import { lineage, type LineageStats } from './lineage.js';
import { readNdjson, type BadLine, type ReadStats } from './read-ndjson.js';
import { readParquet } from './read-parquet.js';
import { writeSnapshot } from './store.js';

export interface SnapshotInput {
  files: string[];
  /** YYYY-MM-DD the listing was taken. */
  snapshot: string;
  orgs: readonly OrgRef[];
  /** Root repo id -> family id, from the releases' hf_repos. */
  families?: ReadonlyMap<string, string>;
  /** Where hub.duckdb and lake/ are written; omitted, nothing is written (tests, benchmarks). */
  hubDir?: string;
}

export interface FileProblem {
  file: string;
  message: string;
}

export interface SnapshotResult {
  ok: boolean;
  snapshot: string;
  repos: number;
  bad: number;
  badLines: BadLine[];
  duplicates: number;
  /** Files that could not be read at all (wrong format or schema): nothing of them is kept. */
  fileErrors: FileProblem[];
  lineage: LineageStats;
  /** Milliseconds per phase: read (parse and id interning), lineage, aggregate, write. */
  phases: Record<'read' | 'lineage' | 'aggregate' | 'write', number>;
  aggregates: Aggregates;
}

async function isParquet(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(4);
    const { bytesRead } = await fh.read(b, 0, 4, 0);
    return bytesRead === 4 && b.toString('latin1') === 'PAR1';
  } finally {
    await fh.close();
  }
}

/** Reads listings into one snapshot, computes lineage, credits and aggregates, and stores them. */
export async function buildSnapshot(input: SnapshotInput): Promise<SnapshotResult> {
  const t0 = performance.now();
  const cols = new Columns();
  const stats: ReadStats = { records: 0, bad: 0, badLines: [] };
  const fileErrors: FileProblem[] = [];
  const add = (r: Parameters<Columns['add']>[0]) => cols.add(r);
  for (const file of input.files) {
    if (await isParquet(file)) {
      const problem = await readParquet(file, add, stats);
      if (problem) fileErrors.push({ file, message: problem });
      continue;
    }
    const before = stats.records;
    const badBefore = stats.bad;
    await readNdjson(file, add, stats);
    // Not one good line, and the first bad one is not torn: the file is not a Hub listing.
    if (stats.records === before && stats.bad > badBefore) {
      const first = stats.badLines.find((b) => b.file === file);
      fileErrors.push({ file, message: `no line is a Hub listing record${first ? ` (line ${first.line}: ${first.message})` : ''}; expected one JSON object per line with at least an "id"` });
    }
  }
  const t1 = performance.now();
  const l = lineage(cols);
  const t2 = performance.now();
  const agg = aggregate(cols, l, attribution(input.orgs, input.families));
  const t3 = performance.now();
  const ok = fileErrors.length === 0 && cols.size > 0;
  if (ok && input.hubDir) {
    await writeSnapshot(input.hubDir, { snapshot: input.snapshot, repos: cols.size, bad: stats.bad, duplicates: cols.duplicates, files: input.files, ...l.stats }, agg);
  }
  const t4 = performance.now();
  return {
    ok, snapshot: input.snapshot, repos: cols.size, bad: stats.bad, badLines: stats.badLines, duplicates: cols.duplicates, fileErrors,
    lineage: l.stats, phases: { read: t1 - t0, lineage: t2 - t1, aggregate: t3 - t2, write: t4 - t3 }, aggregates: agg,
  };
}
