import path from 'node:path';
import { stat } from 'node:fs/promises';
import { pushAll, type Diagnostic } from '../lib/diagnostic.js';
import { displayPath } from '../lib/paths.js';
import { emptyFactBase, type FactBase, type Origin } from './fact-base.js';
import { loadReleaseFile, noteInvalid } from './release-file.js';
import { FILE_KINDS, type FileKind } from './file-kinds.js';
import { knownKeys } from './known-keys.js';
import { walkFiles } from '../lib/files.js';
import { sizeLimitOf } from './safe-text.js';
import { readYamlFile, type YamlFile } from './yaml-file.js';
import { zodDiagnostics } from './zod-diagnostics.js';
import { curatedWins } from './curated-wins.js';

export interface LoadResult {
  facts: FactBase;
  diagnostics: Diagnostic[];
  files: string[];
}

const KNOWN_KEYS = knownKeys(FILE_KINDS.map((k) => k.schema));

/**
 * Reads every YAML file under the data folder, validating each record against its schema.
 * Records that fail are reported and left out; the rest load, so one run reports every problem.
 */
export async function loadFacts(dataDir: string, opts: { cwd?: string } = {}): Promise<LoadResult> {
  const facts = emptyFactBase();
  const diagnostics: Diagnostic[] = [];
  const info = await stat(dataDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    diagnostics.push({ file: displayPath(dataDir, opts.cwd), line: 1, path: '', severity: 'error', rule: 'data-dir', message: 'data folder not found', hint: 'pass --data DIR or set APERTURE_DATA' });
    return { facts, diagnostics, files: [] };
  }
  const walked = await walkFiles(dataDir);
  for (const p of walked.problems) {
    const shown = displayPath(path.join(dataDir, p.rel), opts.cwd);
    diagnostics.push(
      p.kind === 'symlink'
        ? { file: shown, line: 1, path: '', severity: 'error', rule: 'symlink', message: 'symbolic links are not followed inside the data folder', hint: 'replace the link with the file itself (or a copy of it)' }
        : { file: shown, line: 1, path: '', severity: 'error', rule: 'read', message: `cannot list the folder (${p.code ?? 'error'}); nothing in it was checked`, hint: 'check its permissions: the user running aperture must be able to list it' },
    );
  }
  const files = walked.files.filter((rel) => /\.ya?ml$/.test(rel));
  for (const rel of files) {
    const shown = displayPath(path.join(dataDir, rel), opts.cwd);
    const kind = FILE_KINDS.find((k) => k.owns(rel));
    if (!kind) {
      diagnostics.push({ file: shown, line: 1, path: '', severity: 'warning', rule: 'layout', message: 'file is in no known folder and was not loaded', hint: `put it under one of: ${FILE_KINDS.map((k) => k.name).join(', ')} (see data/README.md)` });
      continue;
    }
    const { yaml, diagnostics: parseProblems } = await readYamlFile(path.join(dataDir, rel), shown, sizeLimitOf(rel));
    pushAll(diagnostics, parseProblems);
    if (yaml) pushAll(diagnostics, addFile(facts, kind, yaml));
  }
  pushAll(diagnostics, curatedWins(facts));
  return { facts, diagnostics, files };
}

function addFile(facts: FactBase, kind: FileKind, yaml: YamlFile): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (kind.shape === 'parts') return loadReleaseFile(facts, yaml, KNOWN_KEYS);
  if (kind.shape === 'single') {
    if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
      return [shapeProblem(yaml, `expected one ${kind.name} record as a mapping`)];
    }
    const parsed = kind.schema.safeParse(yaml.data);
    if (!parsed.success) {
      noteInvalid(facts, kind.name, yaml.data);
      return zodDiagnostics(parsed.error, yaml, [], KNOWN_KEYS);
    }
    kind.add(facts, parsed.data, { file: yaml.file, line: yaml.lineOf([]), lineOf: yaml.lineOf }, []);
    return problems;
  }
  if (yaml.data === null || yaml.data === undefined) return problems; // an empty list file is fine
  if (!Array.isArray(yaml.data)) return [shapeProblem(yaml, `expected a list of ${kind.name} records (items starting with "- ")`)];
  yaml.data.forEach((item, i) => {
    const parsed = kind.schema.safeParse(item);
    if (!parsed.success) {
      noteInvalid(facts, kind.name, item);
      pushAll(problems, zodDiagnostics(parsed.error, yaml, [i], KNOWN_KEYS));
      return;
    }
    const origin: Origin = { file: yaml.file, line: yaml.lineOf([i]), lineOf: (p) => yaml.lineOf([i, ...p]) };
    kind.add(facts, parsed.data, origin, [i]);
  });
  return problems;
}

function shapeProblem(yaml: YamlFile, message: string): Diagnostic {
  return { file: yaml.file, line: 1, path: '', severity: 'error', rule: 'schema', message, hint: 'see data/README.md for the layout of each folder' };
}
