import { sortDiagnostics, type Diagnostic } from '../lib/diagnostic.js';
import type { FactBase } from './fact-base.js';
import { checkFacts, type CheckOptions } from './checks.js';
import { loadFacts } from './load.js';

export interface ValidationResult {
  facts: FactBase;
  diagnostics: Diagnostic[];
  files: string[];
  /** Content fingerprint of the files read (see dataHash). */
  hash: string;
}

/** Load data/ and run every check, returning all problems at once in a stable order. */
export async function loadAndValidate(dataDir: string, opts: CheckOptions & { cwd?: string } = {}): Promise<ValidationResult> {
  const loaded = await loadFacts(dataDir, { cwd: opts.cwd });
  const cross = checkFacts(loaded.facts, opts);
  return { facts: loaded.facts, files: loaded.files, hash: loaded.hash, diagnostics: sortDiagnostics([...loaded.diagnostics, ...cross]) };
}
