import spdxList from 'spdx-license-list';
import { pushAll, type Diagnostic } from '../lib/diagnostic.js';
import { closest } from '../lib/suggest.js';
import { formatParamCount, isCountryCode, parsePartialDate, todayIso } from '../domain/index.js';
import { invalidKey, type FactBase, type Located } from './fact-base.js';
import type { YamlPath } from './yaml-file.js';
import { licenseIdsOf } from './license-ids.js';
import { formatPath } from './zod-diagnostics.js';
import { checkImports } from './checks-imports.js';
import { checkPeers } from './checks-peers.js';
import { checkDuplicates } from './checks-duplicates.js';
import { findCycles } from './cycles.js';

export interface CheckOptions {
  /** "Today" for future-date checks; injectable so tests do not depend on the clock. */
  today?: string;
  /** Releases dated before this year are rejected: the fact base covers modern foundation models. */
  earliestYear?: number;
}

/**
 * Whole-base checks that no single record can make on its own: duplicate ids, references to
 * records that do not exist, impossible dates, inconsistent parameter counts, unknown codes.
 */
export function checkFacts(facts: FactBase, opts: CheckOptions = {}): Diagnostic[] {
  const today = opts.today ?? todayIso();
  const earliestYear = opts.earliestYear ?? 2012;
  const out: Diagnostic[] = [];
  const report = (rec: Located<unknown>, path: YamlPath, rule: string, message: string, hint?: string) =>
    out.push({ file: rec.origin.file, line: rec.origin.lineOf(path), path: formatPath(path), severity: 'error', rule, message, ...(hint ? { hint } : {}) });

  const ids = {
    sources: idIndex(facts.sources, 'source', report),
    orgs: idIndex(facts.orgs, 'organization', report),
    licenses: idIndex(facts.licenses, 'license', report),
    families: idIndex(facts.families, 'family', report),
    releases: idIndex(facts.releases, 'release', report),
    events: idIndex(facts.events, 'event', report),
    claims: idIndex(facts.claims, 'claim', report),
  };

  const ref = (rec: Located<unknown>, path: YamlPath, id: string | undefined, kind: keyof typeof ids, what: string, addHint: string) => {
    if (id === undefined || ids[kind].has(id) || facts.invalidIds.has(invalidKey(kind, id))) return;
    const guess = closest(id, ids[kind].keys());
    report(rec, path, 'reference', `unknown ${what} "${id}"`, guess ? `did you mean "${guess}"?` : addHint);
  };
  const srcHint = 'add it to a file in data/sources/ (see data/README.md, "Add a source")';
  const orgHint = 'add the organization in data/orgs/ (see data/README.md, "Add a lab")';
  const sourcesRef = (rec: Located<unknown>, base: YamlPath, list: readonly string[]) =>
    list.forEach((s, i) => ref(rec, [...base, i], s, 'sources', 'source', srcHint));

  const licenseRef = (rec: Located<unknown>, path: YamlPath, expression: string | undefined) => {
    if (expression === undefined) return;
    const parsed = licenseIdsOf(expression);
    if (typeof parsed === 'string') {
      const guess = closest(expression.trim().replace(/\s+/g, '-'), [...Object.keys(spdxList), ...ids.licenses.keys()], 2);
      report(rec, path, 'license-id', parsed, guess ? `did you mean "${guess}"?` : 'use an SPDX id (https://spdx.org/licenses/) or register a LicenseRef- id in data/licenses/');
      return;
    }
    for (const id of parsed) {
      if (id.startsWith('LicenseRef-') && !ids.licenses.has(id) && !facts.invalidIds.has(invalidKey('licenses', id))) {
        const guess = closest(id, ids.licenses.keys());
        report(rec, path, 'license-id', `license "${id}" is not registered`, guess ? `did you mean "${guess}"?` : `add data/licenses/${id}.yaml (see data/README.md, "Add a license")`);
      }
    }
  };

  const dateCheck = (rec: Located<unknown>, path: YamlPath, value: string | undefined, floor: boolean) => {
    if (value === undefined) return;
    const parsed = parsePartialDate(value);
    if (typeof parsed === 'string') return; // the schema already reported it
    if (parsed.start > today) report(rec, path, 'date', `${value} is in the future (today is ${today})`, 'record only what has happened; check the year');
    else if (floor && Number(parsed.start.slice(0, 4)) < earliestYear)
      report(rec, path, 'date', `${value} is before ${earliestYear}, earlier than any release the fact base covers`, 'check the year');
  };

  for (const s of facts.sources) dateCheck(s, ['accessed'], s.value.accessed, false);

  for (const o of facts.orgs) {
    const codes = [o.value.country, ...o.value.other_countries];
    codes.forEach((code, i) => {
      if (!isCountryCode(code)) {
        const path = i === 0 ? ['country'] : ['other_countries', i - 1];
        report(o, path, 'country', `"${code}" is not an ISO 3166-1 alpha-2 country code`, 'use two upper-case letters such as US, CN, FR, GB (https://www.iso.org/obp/ui/#search)');
      }
    });
    if (o.value.parent === o.value.id) report(o, ['parent'], 'reference', 'an organization cannot be its own parent');
    else ref(o, ['parent'], o.value.parent, 'orgs', 'organization', orgHint);
    if (o.value.parent && !o.value.parent_source)
      report(o, ['parent'], 'missing-source', `the parent link to "${o.value.parent}" cites no source`, 'add parent_source: the id of a source saying who owns or runs this organization');
    ref(o, ['parent_source'], o.value.parent_source, 'sources', 'source', srcHint);
    sourcesRef(o, ['sources'], o.value.sources);
  }

  for (const l of facts.licenses) sourcesRef(l, ['sources'], l.value.sources);

  for (const f of facts.families) {
    ref(f, ['org'], f.value.org, 'orgs', 'organization', orgHint);
    sourcesRef(f, ['sources'], f.value.sources);
  }

  for (const r of facts.releases) {
    const v = r.value;
    // A release inherits its family's org, which the family check already covers.
    if (v.org !== ids.families.get(v.family)?.value.org) ref(r, ['org'], v.org, 'orgs', 'organization', orgHint);
    if (v.base_model === v.id) report(r, ['base_model'], 'reference', 'a release cannot be its own base model');
    else ref(r, ['base_model'], v.base_model, 'releases', 'base model', 'name a release id from data/releases/, or leave base_model out');
    sourcesRef(r, ['sources'], v.sources);
    dateCheck(r, ['date'], v.date, true);
    const total = v.params?.total;
    const active = v.params?.active;
    if (total !== undefined && active !== undefined && active > total)
      report(r, ['params', 'active'], 'params', `active parameters (${formatParamCount(active)}) exceed total parameters (${formatParamCount(total)})`, 'active counts the parameters used per token; it is at most the total');
    licenseRef(r, ['license'], v.license);
    ref(r, ['endpoint_of'], v.endpoint_of, 'releases', 'release', 'name the release this endpoint serves');
    if (v.endpoint_of === v.id) report(r, ['endpoint_of'], 'reference', 'a release cannot be an endpoint of itself');
    checkHistory(r, report, (path, id) => licenseRef(r, path, id), (path, id) => ref(r, path, id, 'sources', 'source', srcHint));
    for (const [component, fact] of Object.entries(v.components)) {
      if (!fact) continue;
      licenseRef(r, ['components', component, 'license'], fact.license);
      ref(r, ['components', component, 'source'], fact.source, 'sources', 'source', srcHint);
    }
  }

  for (const e of facts.events) {
    dateCheck(e, ['date'], e.value.date, false);
    e.value.orgs.forEach((o, i) => ref(e, ['orgs', i], o, 'orgs', 'organization', orgHint));
    e.value.releases.forEach((id, i) => ref(e, ['releases', i], id, 'releases', 'release', 'name a release id from data/releases/'));
    sourcesRef(e, ['sources'], e.value.sources);
  }

  for (const c of facts.claims) {
    dateCheck(c, ['said'], c.value.said, false);
    ref(c, ['source'], c.value.source, 'sources', 'source', srcHint);
  }

  for (const o of facts.capability) {
    ref(o, ['release'], o.value.release, 'releases', 'release', 'name a release id from data/releases/');
    ref(o, ['source'], o.value.source, 'sources', 'source', srcHint);
    dateCheck(o, ['date'], o.value.date, false);
  }

  for (const o of facts.adoption) {
    ref(o, ['release'], o.value.release, 'releases', 'release', 'name a release id from data/releases/, or leave it out to match by repo');
    ref(o, ['source'], o.value.source, 'sources', 'source', srcHint);
    dateCheck(o, ['date'], o.value.date, false);
  }

  const chains = [
    { list: facts.releases, next: (v: { base_model?: string }) => v.base_model, field: 'base_model', what: 'base_model chain', hint: 'a release derives from an earlier one: remove base_model from one release of the loop' },
    { list: facts.orgs, next: (v: { parent?: string }) => v.parent, field: 'parent', what: 'parent chain of organizations', hint: 'an organization has one parent above it: remove parent from one organization of the loop' },
  ] as const;
  for (const c of chains) {
    const byId = new Map<string, Located<unknown>>();
    const next = new Map<string, string | undefined>();
    for (const rec of c.list as Located<{ id: string }>[]) {
      if (byId.has(rec.value.id)) continue;
      byId.set(rec.value.id, rec);
      next.set(rec.value.id, (c.next as (v: unknown) => string | undefined)(rec.value));
    }
    for (const loop of findCycles(next))
      report(byId.get(loop[0]!)!, [c.field], 'cycle', `${c.what} is circular: ${[...loop, loop[0]].join(' -> ')}`, c.hint);
  }

  pushAll(out, checkImports(facts));
  pushAll(out, checkPeers(facts));
  pushAll(out, checkDuplicates(facts));
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * A release's history is a chain: dated after the release and in order, each change starting
 * from the state the one before left, the last ending in the release's current access and license.
 */
function checkHistory(
  r: Located<{ date: string; access: string[]; license?: string; history?: { date: string; access?: { from: string[]; to: string[] }; license?: { from: string; to: string }; source: string }[] }>,
  report: (rec: Located<unknown>, path: YamlPath, rule: string, message: string, hint?: string) => void,
  licenseRef: (path: YamlPath, id: string | undefined) => void,
  sourceRef: (path: YamlPath, id: string) => void,
): void {
  const v = r.value;
  const start = (d: string) => { const p = parsePartialDate(d); return typeof p === 'string' ? d : p.start; };
  let prevDate = v.date;
  let access: string[] | undefined;
  let license: string | undefined;
  (v.history ?? []).forEach((c, i) => {
    if (start(c.date) < start(prevDate)) report(r, ['history', i, 'date'], 'date', `change dated ${c.date} is not after ${i === 0 ? `the release date ${v.date}` : `the change before it (${prevDate})`}`, 'list changes after the release date, oldest first');
    prevDate = c.date;
    sourceRef(['history', i, 'source'], c.source);
    if (c.license) {
      if (c.license.from !== 'unknown') licenseRef(['history', i, 'license', 'from'], c.license.from);
      licenseRef(['history', i, 'license', 'to'], c.license.to);
      if (license !== undefined && c.license.from !== license) report(r, ['history', i, 'license', 'from'], 'history', `license.from is ${c.license.from}, but the change before left it ${license}`);
      license = c.license.to;
    }
    if (c.access) {
      if (access !== undefined && !sameSet(c.access.from, access)) report(r, ['history', i, 'access', 'from'], 'history', `access.from is [${c.access.from.join(', ')}], but the change before left it [${access.join(', ')}]`);
      access = c.access.to;
    }
  });
  if (access !== undefined && !sameSet(access, v.access))
    report(r, ['access'], 'history', `access is [${v.access.join(', ')}], but the last change in history leaves it [${access.join(', ')}]`, 'access is the current state: the last change\'s access.to');
  if (license !== undefined && license !== v.license)
    report(r, ['license'], 'history', `license is ${v.license ?? '(none)'}, but the last change in history leaves it ${license}`, 'license is the current license: the last change\'s license.to');
}

/** Map of id -> record, reporting every id seen twice at the second place with the first place in the hint. */
function idIndex<T extends { id: string }>(
  records: Located<T>[],
  what: string,
  report: (rec: Located<unknown>, path: YamlPath, rule: string, message: string, hint?: string) => void,
): Map<string, Located<T>> {
  const index = new Map<string, Located<T>>();
  for (const rec of records) {
    const first = index.get(rec.value.id);
    if (first) report(rec, ['id'], 'duplicate-id', `duplicate ${what} id "${rec.value.id}"`, `first defined at ${first.origin.file}:${first.origin.line}`);
    else index.set(rec.value.id, rec);
  }
  return index;
}
