import type { Diagnostic } from '../lib/diagnostic.js';
import { closest } from '../lib/suggest.js';
import type { FactBase } from './fact-base.js';
import { formatPath } from './zod-diagnostics.js';
import type { YamlPath } from './yaml-file.js';

/**
 * Peer entries must name releases that exist. A generated file goes stale when a release id
 * changes after the import; that is a warning (the judgment simply stops being compared), fixed
 * by re-running the import, not an error that would block every build.
 */
export function checkPeers(facts: FactBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  const releases = new Set(facts.releases.map((r) => r.value.id));
  for (const rec of facts.peers) {
    const e = rec.value;
    const refs: [YamlPath, string | undefined][] = [
      [['release'], e.release],
      [['base_release'], e.peer === 'osai-index' ? e.base_release : undefined],
      ...(e.unmatched?.candidates ?? []).map((id, i): [YamlPath, string] => [['unmatched', 'candidates', i], id]),
    ];
    for (const [path, id] of refs) {
      if (id === undefined || releases.has(id)) continue;
      const guess = closest(id, releases);
      out.push({
        file: rec.origin.file, line: rec.origin.lineOf(path), path: formatPath(path), severity: 'warning', rule: 'reference',
        message: `unknown release "${id}" in ${e.peer} entry ${e.entry}`,
        hint: `re-run \`aperture import ${e.peer}\` to match the entry again${guess ? ` (did the release become "${guess}"?)` : ''}`,
      });
    }
  }
  return out;
}
