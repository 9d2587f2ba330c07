import path from 'node:path';
import type { UpstreamBatch } from '../domain/index.js';

/** Reads local files; injected so tests can run importers on in-memory fixtures. */
export interface ImportFs {
  readText(file: string): Promise<string>;
  /** Files under a folder, relative to it, with forward slashes, sorted. */
  list(dir: string): Promise<string[]>;
  exists(file: string): Promise<boolean>;
}

export interface ImportOptions {
  fs: ImportFs;
  /** Snapshot date of the file when it cannot be read from the file itself (YYYY-MM-DD). */
  snapshot?: string;
  /** Called as rows are read, for a progress bar. */
  progress?: (done: number, total: number) => void;
}

/**
 * One upstream dataset. `read` parses the file(s) at `path` into plain upstream records; entity
 * resolution and writing happen elsewhere, the same for every importer.
 */
export interface Importer {
  /** Command-line name, e.g. `epoch`. */
  id: string;
  description: string;
  /** Where the dataset sits in a folder laid out like the reference snapshot (for `import --all`). */
  locate(dir: string, fs: ImportFs): Promise<string | undefined>;
  read(path: string, opts: ImportOptions): Promise<UpstreamBatch>;
}

/** `locate` for a dataset kept at a fixed place in the reference layout: that path, if it exists. */
export function atPath(...segments: string[]): Importer['locate'] {
  return async (dir, fs) => {
    const target = path.join(dir, ...segments);
    return (await fs.exists(target)) ? target : undefined;
  };
}

/**
 * The snapshot date of a dataset: the one given with --snapshot, else the latest date the files
 * themselves give. With neither, the import stops and asks for --snapshot rather than citing the
 * dataset with a made-up access date.
 */
export function snapshotOf(given: string | undefined, fromFiles: string | undefined): string {
  const snapshot = given ?? fromFiles;
  if (!snapshot) throw new Error('the files give no date to take as the snapshot date; name it with --snapshot YYYY-MM-DD');
  return snapshot;
}
