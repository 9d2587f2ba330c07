import path from 'node:path';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { pushAll, type Diagnostic } from '../lib/diagnostic.js';
import { displayPath } from '../lib/paths.js';
import { emptyFactBase, type FactBase, type Origin } from './fact-base.js';
import { loadReleaseFile, noteInvalid } from './release-file.js';
import { FILE_KINDS, type FileKind } from './file-kinds.js';
import { knownKeys } from './known-keys.js';
import { parseYamlText, type YamlFile } from './yaml-file.js';
import { parseNdjsonText } from './ndjson-file.js';
import { dataLayout, GENERATION_POINTER } from './data-files.js';
import { problemKey, unreadable } from './data-hash.js';
import { decodeDataBytes, readProblem, sizeLimitOf, sizeProblem } from './safe-text.js';
import { zodDiagnostics } from './zod-diagnostics.js';
import { curatedWins } from './curated-wins.js';

export interface LoadResult {
  facts: FactBase;
  diagnostics: Diagnostic[];
  files: string[];
  /** The content fingerprint of what was read (as dataHash computes it), so a build reads data/ once. */
  hash: string;
}

const KNOWN_KEYS = knownKeys(FILE_KINDS.map((k) => k.schema));

/**
 * Reads every YAML file under the data folder, validating each record against its schema.
 * Records that fail are reported and left out; the rest load, so one run reports every problem.
 */
export async function loadFacts(dataDir: string, opts: { cwd?: string } = {}): Promise<LoadResult> {
  // An import finishing mid-read removes the generation being read: read again from the new one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await loadOnce(dataDir, opts);
    } catch (error) {
      if (!(error instanceof GenerationGone) || attempt >= 3) throw error instanceof GenerationGone ? error.cause : error;
    }
  }
}

class GenerationGone extends Error {}

async function loadOnce(dataDir: string, opts: { cwd?: string }): Promise<LoadResult> {
  const facts = emptyFactBase();
  const diagnostics: Diagnostic[] = [];
  const info = await stat(dataDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    diagnostics.push({ file: displayPath(dataDir, opts.cwd), line: 1, path: '', severity: 'error', rule: 'data-dir', message: 'data folder not found', hint: 'pass --data DIR or set APERTURE_DATA' });
    return { facts, diagnostics, files: [], hash: '' };
  }
  const layout = await dataLayout(dataDir);
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const p of layout.problems) {
    hash.update(problemKey(p));
    const shown = displayPath(path.join(dataDir, p.rel), opts.cwd);
    diagnostics.push(
      p.kind === 'symlink'
        ? { file: shown, line: 1, path: '', severity: 'error', rule: 'symlink', message: 'symbolic links are not followed inside the data folder', hint: 'replace the link with the file itself (or a copy of it)' }
        : { file: shown, line: 1, path: '', severity: 'error', rule: 'read', message: `cannot list the folder (${p.code ?? 'error'}); nothing in it was checked`, hint: 'check its permissions: the user running aperture must be able to list it' },
    );
  }
  // After the problems, as dataHash orders them (the pointer is the first file it reads).
  if (layout.generation) hash.update(`${GENERATION_POINTER}\0${layout.pointerText}\0`);
  for (const rel of layout.stray) {
    diagnostics.push({ file: displayPath(path.join(dataDir, rel), opts.cwd), line: 1, path: '', severity: 'warning', rule: 'layout', message: `generated file outside the current import generation (${GENERATION_POINTER} names ${layout.generation}); not loaded`, hint: 'delete it, or re-run the import that wrote it' });
  }
  for (const { rel, logical } of layout.files) {
    if (!/\.(ya?ml|ndjson|csv)$/.test(rel)) continue;
    const full = path.join(dataDir, rel);
    const shown = displayPath(full, opts.cwd);
    // Sizes are checked before a byte is read: a huge file must not exhaust the heap.
    const size = (await stat(full).catch(() => undefined))?.size ?? 0;
    const limit = sizeLimitOf(logical);
    let bytes: Buffer | undefined;
    let readError: NodeJS.ErrnoException | undefined;
    if (size <= limit) {
      bytes = await readFile(full).catch((error: NodeJS.ErrnoException) => {
        if (layout.generation && error.code === 'ENOENT' && rel !== logical) throw new GenerationGone('generation removed while reading', { cause: error });
        readError = error;
        return undefined;
      });
    }
    hash.update(`${rel}\0`);
    // Kept identical to dataHash: an oversized file is fingerprinted by its bytes too.
    hash.update(bytes ?? (readError ? unreadable(readError) : await readFile(full).catch(unreadable)));
    hash.update('\0');
    if (rel.endsWith('.csv')) continue; // fingerprinted, as before, but no kind reads CSV
    files.push(rel);
    const kind = FILE_KINDS.find((k) => k.owns(logical));
    if (!kind) {
      diagnostics.push({ file: shown, line: 1, path: '', severity: 'warning', rule: 'layout', message: 'file is in no known folder and was not loaded', hint: `put it under one of: ${FILE_KINDS.map((k) => k.name).join(', ')} (see data/README.md)` });
      continue;
    }
    if (!bytes) {
      diagnostics.push(readError ? readProblem(shown, readError) : sizeProblem(shown, size, limit));
      continue;
    }
    const { text, problem } = decodeDataBytes(bytes, shown);
    if (problem) {
      diagnostics.push(problem);
      continue;
    }
    const { yaml, diagnostics: parseProblems } = rel.endsWith('.ndjson') ? parseNdjsonText(text!, shown, kind.ndjson) : parseYamlText(text!, shown);
    pushAll(diagnostics, parseProblems);
    if (yaml) pushAll(diagnostics, addFile(facts, kind, yaml));
  }
  pushAll(diagnostics, curatedWins(facts));
  return { facts, diagnostics, files, hash: hash.digest('hex') };
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
      problems.push(...zodDiagnostics(parsed.error, yaml, [i], KNOWN_KEYS));
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
