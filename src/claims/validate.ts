import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../lib/diagnostic.js';
import { displayPath } from '../lib/paths.js';
import { closest } from '../lib/suggest.js';
import { isCountryCode } from '../domain/index.js';
import { isClaimAnalysis } from '../domain/claim-checks.js';
import { listFiles } from '../lib/files.js';
import { parseYamlText } from '../facts/yaml-file.js';
import type { Db } from '../store/db.js';

type Path = (string | number)[];

/**
 * Checks a claim's check can run: what the schema cannot know on its own (ids of labs and
 * releases that exist, a country to count for best-open, a rule for the condition analyses).
 * Problems point at the line in data/claims/ that holds them.
 */
export async function checkClaimFiles(db: Db, dataDir: string, cwd?: string): Promise<Diagnostic[]> {
  const files = (await listFiles(dataDir).catch(() => [] as string[])).filter((f) => f.startsWith('claims/') && /\.ya?ml$/.test(f));
  if (files.length === 0) return [];
  const orgs = new Set((await db.all<{ id: string }>('SELECT id FROM organizations')).map((r) => r.id));
  const releases = new Set((await db.all<{ id: string }>('SELECT id FROM releases')).map((r) => r.id));
  const out: Diagnostic[] = [];
  for (const rel of files) {
    const shown = displayPath(path.join(dataDir, rel), cwd);
    const { yaml } = parseYamlText(await readFile(path.join(dataDir, rel), 'utf8'), shown);
    const claim = yaml?.data as { check?: { analysis?: string; params?: Record<string, unknown>; rule?: Record<string, unknown> } } | undefined;
    const check = claim?.check;
    if (!yaml || !check || typeof check.analysis !== 'string' || !isClaimAnalysis(check.analysis)) continue; // the loader reports these
    const report = (p: Path, rule: string, message: string, hint?: string) =>
      out.push({ file: shown, line: yaml.lineOf(['check', ...p]), path: ['check', ...p].map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join(''), severity: 'error', rule, message, ...(hint ? { hint } : {}) });
    const orgRef = (p: Path, id: unknown) => {
      if (typeof id === 'string' && !orgs.has(id)) {
        const guess = closest(id, orgs);
        report(p, 'reference', `unknown organization "${id}"`, guess ? `did you mean "${guess}"?` : 'name an organization id from data/orgs/');
      }
    };
    const releaseRef = (p: Path, id: unknown) => {
      if (typeof id === 'string' && !releases.has(id)) {
        const guess = closest(id, releases);
        report(p, 'reference', `unknown release "${id}"`, guess ? `did you mean "${guess}"?` : 'name a release id from data/releases/');
      }
    };
    const country = (p: Path, code: unknown) => {
      if (typeof code === 'string' && !isCountryCode(code)) report(p, 'country', `"${code}" is not an ISO 3166-1 alpha-2 country code`);
    };
    const params = check.params ?? {};
    const rule = check.rule ?? {};
    const needsRule = () => {
      if (rule.supported === undefined) report(['rule'], 'claim-check', `${check.analysis} needs rule.supported: the metric bounds under which the claim holds`, 'see data/claims/README.md');
    };
    switch (check.analysis) {
      case 'best-open':
        if (rule.country === undefined) report(['rule'], 'claim-check', 'best-open needs rule.country: the country whose share of the top releases is checked', 'e.g. rule: { country: CN, supported_share: 1.0, partly_supported_share: 0.5 }');
        country(['rule', 'country'], rule.country);
        break;
      case 'lab-openness': {
        const orgList = Array.isArray(params.orgs) ? params.orgs : [];
        const subjects = [orgList.length > 0, params.group !== undefined, params.country !== undefined].filter(Boolean).length;
        if (subjects === 0) report(['params'], 'claim-check', 'lab-openness needs params.group (an organization and everything under it), params.orgs (a list of organization ids) or params.country');
        if (subjects > 1) report(['params'], 'claim-check', 'give one of params.group, params.orgs or params.country');
        orgList.forEach((id, i) => orgRef(['params', 'orgs', i], id));
        if (params.group !== undefined) orgRef(['params', 'group'], params.group);
        country(['params', 'country'], params.country);
        needsRule();
        break;
      }
      case 'capability-rank': {
        const list = Array.isArray(params.releases) ? params.releases : [];
        if (list.length === 0) report(['params'], 'claim-check', 'capability-rank needs params.releases: the release(s) whose rank is checked');
        list.forEach((id, i) => releaseRef(['params', 'releases', i], id));
        (Array.isArray(params.peer_orgs) ? params.peer_orgs : []).forEach((id, i) => orgRef(['params', 'peer_orgs', i], id));
        needsRule();
        break;
      }
      case 'event-match': {
        const list = Array.isArray(params.require) ? (params.require as { orgs?: unknown[] }[]) : [];
        if (list.length === 0) report(['params'], 'claim-check', 'event-match needs params.require: a list of { orgs, kinds, text } the events must match');
        list.forEach((req, i) => (Array.isArray(req?.orgs) ? req.orgs : []).forEach((id, j) => orgRef(['params', 'require', i, 'orgs', j], id)));
        needsRule();
        break;
      }
    }
  }
  return out;
}
