import type { Diagnostic } from '../lib/diagnostic.js';
import type { FactBase, Located } from './fact-base.js';

const generated = (file: string) => /(^|[\\/])(imported|orgs-imported)[\\/]/.test(file);

/**
 * Curated facts win over imported ones. When a curator adds a release or organization with an
 * id an import already created, the imported record steps aside (with a warning to re-run the
 * import, which turns it into observations of the curated one) instead of making the curated
 * file fail validation as a duplicate.
 */
export function curatedWins(facts: FactBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  const curatedReleases = new Map(facts.releases.filter((r) => !generated(r.origin.file)).map((r) => [r.value.id, r]));
  const curatedOrgs = new Map(facts.orgs.filter((o) => !generated(o.origin.file)).map((o) => [o.value.id, o]));
  const shadowed = (list: Located<{ id: string }>[], curated: Map<string, Located<unknown>>, what: string) =>
    list.filter((rec) => {
      const winner = curated.get(rec.value.id);
      if (!winner || !generated(rec.origin.file)) return true;
      out.push({
        file: rec.origin.file, line: rec.origin.line, path: 'id', severity: 'warning', rule: 'curated-wins',
        message: `imported ${what} "${rec.value.id}" is now curated at ${winner.origin.file}:${winner.origin.line}; the curated record is used`,
        hint: 'run aperture import again so the dataset row becomes observations of the curated record',
      });
      return false;
    });
  facts.releases = shadowed(facts.releases, curatedReleases, 'release') as typeof facts.releases;
  const releaseFamilies = new Set(facts.releases.map((r) => r.value.family));
  facts.families = facts.families.filter((f) => !generated(f.origin.file) || releaseFamilies.has(f.value.id));
  facts.orgs = shadowed(facts.orgs, curatedOrgs, 'organization') as typeof facts.orgs;
  return out;
}
