import { parse } from 'yaml';
import { keep, fail, type Fetched, type Rejected, type StageOptions, type StageResult } from './stage.js';
import { readTarGz } from './tar.js';

/**
 * The European Open Source AI Index repository, fetched whole as GitHub's tarball of its
 * default branch, unpacked to the folder of project files the osai-index importer reads.
 *
 * The index publishes no data file of its own: its website is built from the repository.
 * github.com/Language-Technology-Assessment/website, modules/github.module.ts (read
 * 2026-12-03), downloads `GET /repos/{owner}/{repo}/tarball/{ref}` with ref HEAD from the
 * GitHub API and unpacks it with the top folder stripped; .github/workflows/publish.yml in
 * Language-Technology-Assessment/main-database rebuilds the site on every push to main. The
 * project files are the YAML files at the top of that repository (one per model family, e.g.
 * `OLMo.yaml`), which the importer reads as they are. `git archive` puts the commit id in the
 * tarball's pax global header; it is kept in the fetch record, so the snapshot names a commit.
 */
export const OSAI_INDEX_TARBALL = 'https://api.github.com/repos/Language-Technology-Assessment/main-database/tarball/HEAD';

export function stageOsaiIndex(pages: Fetched[], opts: StageOptions): StageResult {
  const archive = readTarGz(pages[0]!.body);
  if (!archive.ok) return archive;
  const rejected: Rejected[] = [];
  const valid: { file: string; text: string }[] = [];
  let n = 0;
  for (const entry of archive.value.files) {
    // The top folder is <owner>-<repo>-<short sha>; project files sit right under it.
    const parts = entry.path.split('/').filter(Boolean);
    if (parts.length !== 2 || !/\.ya?ml$/i.test(parts[1]!)) continue;
    n++;
    const text = entry.body.toString('utf8');
    if (text.includes('\uFFFD')) {
      rejected.push({ record: n, reason: `${parts[1]}: not UTF-8 text` });
      continue;
    }
    try {
      const doc: unknown = parse(text, { maxAliasCount: 100 });
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a mapping of fields');
    } catch (error) {
      rejected.push({ record: n, reason: `${parts[1]}: not a project file (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` });
      continue;
    }
    valid.push({ file: parts[1]!, text });
  }
  if (n === 0) return fail('the archive holds no project files (*.yaml at the top of the repository)');
  const { kept, filtered, notes } = keep(valid, opts);
  const commit = archive.value.comment && /^[0-9a-f]{7,40}$/.test(archive.value.comment) ? archive.value.comment : undefined;
  return {
    ok: true,
    value: { files: Object.fromEntries(kept.map((r) => [r.file, r.text])), importPath: '.', received: n, kept: kept.length, rejected, filtered, notes, about: commit ? { commit } : {} },
  };
}
