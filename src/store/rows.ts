import spdxList from 'spdx-license-list';
import { COMPONENTS, countryName, parsePartialDate, type AccessChannel, type PartialDate } from '../domain/index.js';
import type { FactBase } from '../facts/fact-base.js';
import { licenseIdsOf } from '../facts/license-ids.js';

export type Row = Record<string, string | number | boolean | null>;
export type Tables = Record<string, Row[]>;

const ACCESS_ORDER: AccessChannel[] = ['open-weights', 'gated-weights', 'api', 'hosted-app', 'none'];

function date(text: string): PartialDate {
  const parsed = parsePartialDate(text);
  if (typeof parsed === 'string') throw new Error(`invalid date reached the store: ${text}`);
  return parsed;
}

const unknownToNull = <T>(v: T | 'unknown'): T | null => (v === 'unknown' ? null : v);

/**
 * Flattens validated facts into table rows (pure). Order follows data/ so that the same data
 * always yields the same tables.
 */
export function factsToRows(facts: FactBase): Tables {
  const t: Tables = {
    sources: [], citations: [], organizations: [], org_countries: [], org_names: [], countries: [],
    licenses: [], families: [], releases: [], release_access: [], release_modalities: [], release_hf_repos: [],
    components: [], events: [], event_orgs: [], event_releases: [], claims: [], capability_observations: [],
    adoption_observations: [],
  };
  const cite = (record_kind: string, record_id: string, ids: readonly string[]) =>
    ids.forEach((source_id) => t.citations!.push({ record_kind, record_id, source_id }));

  for (const { value: s, origin } of facts.sources) {
    t.sources!.push({ id: s.id, url: s.url, publisher: s.publisher, title: s.title ?? null, license: s.license ?? null, accessed: s.accessed, kind: s.kind ?? null, file: origin.file, line: origin.line });
  }

  const countries = new Set<string>();
  for (const { value: o, origin } of facts.orgs) {
    t.organizations!.push({ id: o.id, name: o.name, kind: o.kind, country: o.country, parent_id: o.parent ?? null, url: o.url ?? null, file: origin.file, line: origin.line });
    [o.country, ...o.other_countries].forEach((c, i) => {
      countries.add(c);
      t.org_countries!.push({ org_id: o.id, country: c, is_primary: i === 0 });
    });
    o.aliases.forEach((name) => t.org_names!.push({ org_id: o.id, name, kind: 'alias' }));
    o.hf_namespaces.forEach((name) => t.org_names!.push({ org_id: o.id, name, kind: 'hf-namespace' }));
    cite('org', o.id, o.sources);
  }
  for (const code of [...countries].sort()) t.countries!.push({ code, name: countryName(code) });

  // Registered licenses, then every SPDX id used by a fact but not registered.
  const registered = new Set<string>();
  for (const { value: l, origin } of facts.licenses) {
    registered.add(l.id);
    const terms = l.terms;
    t.licenses!.push({
      id: l.id, name: l.name, url: l.url, registered: true, spdx: l.id in spdxList, osi_approved: l.osi_approved,
      category: l.category, hf_tag: l.hf_tag ?? null,
      commercial_use: terms.commercial_use, user_threshold: unknownToNull(terms.user_threshold),
      revenue_threshold_usd: unknownToNull(terms.revenue_threshold_usd),
      acceptable_use_policy: unknownToNull(terms.acceptable_use_policy), attribution_required: unknownToNull(terms.attribution_required),
      naming_requirement: terms.naming_requirement, output_training_limit: unknownToNull(terms.output_training_limit),
      share_alike: unknownToNull(terms.share_alike), revocable: unknownToNull(terms.revocable),
      terms_json: JSON.stringify(terms), file: origin.file, line: origin.line,
    });
    cite('license', l.id, l.sources);
  }
  const used = new Set<string>();
  const noteLicense = (expr: string | undefined) => {
    if (!expr) return;
    const ids = licenseIdsOf(expr);
    if (Array.isArray(ids)) ids.forEach((id) => used.add(id));
  };

  for (const { value: f } of facts.families) {
    t.families!.push({ id: f.id, name: f.name, org_id: f.org, url: f.url ?? null });
    cite('family', f.id, f.sources);
  }

  for (const { value: r, origin } of facts.releases) {
    const d = date(r.date);
    // The releases table holds the current state; release_states (rows-history.ts) holds each earlier one.
    const access = ACCESS_ORDER.filter((a) => r.access.includes(a));
    t.releases!.push({
      id: r.id, name: r.name, family_id: r.family, org_id: r.org, date: d.start, date_text: d.value, date_precision: d.precision,
      date_kind: r.date_kind ?? null, type: r.type, params_total: r.params?.total ?? null, params_active: r.params?.active ?? null, base_model_id: r.base_model ?? null,
      license_id: r.license ?? null, flagship: r.flagship,
      weights_available: access.includes('open-weights') || access.includes('gated-weights'),
      access_summary: access[0] ?? 'none', file: origin.file, line: origin.line,
    });
    access.forEach((channel) => t.release_access!.push({ release_id: r.id, channel }));
    r.modalities.forEach((modality) => t.release_modalities!.push({ release_id: r.id, modality }));
    r.hf_repos.forEach((repo) => t.release_hf_repos!.push({ release_id: r.id, repo }));
    noteLicense(r.license);
    for (const spec of COMPONENTS) {
      const fact = r.components[spec.id];
      noteLicense(fact?.license);
      t.components!.push({
        release_id: r.id, component: spec.id, status: fact?.status ?? 'unknown', license: fact?.license ?? null,
        url: fact?.url ?? null, source_id: fact?.source ?? null, declared: fact !== undefined,
      });
    }
    cite('release', r.id, r.sources);
  }

  for (const id of [...used].sort()) {
    if (registered.has(id)) continue;
    const spdx = spdxList[id];
    t.licenses!.push({
      id, name: spdx?.name ?? id, url: spdx?.url ?? null, registered: false, spdx: spdx !== undefined, osi_approved: spdx ? spdx.osiApproved : null,
      // OSI approval is a fact the SPDX list states; other categories need a registry entry.
      category: spdx?.osiApproved ? 'open-source' : null, hf_tag: null, commercial_use: null, user_threshold: null, revenue_threshold_usd: null, acceptable_use_policy: null,
      attribution_required: null, naming_requirement: null, output_training_limit: null, share_alike: null, revocable: null,
      terms_json: null, file: null, line: null,
    });
  }

  for (const { value: e, origin } of facts.events) {
    const d = date(e.date);
    t.events!.push({ id: e.id, date: d.start, date_text: d.value, date_precision: d.precision, kind: e.kind, title: e.title, file: origin.file, line: origin.line });
    e.orgs.forEach((org_id) => t.event_orgs!.push({ event_id: e.id, org_id }));
    e.releases.forEach((release_id) => t.event_releases!.push({ event_id: e.id, release_id }));
    cite('event', e.id, e.sources);
  }

  for (const { value: c, origin } of facts.claims) {
    t.claims!.push({
      id: c.id, statement: c.statement, speaker: c.speaker, said: c.said, source_id: c.source, url: c.url ?? null,
      analysis: c.check.analysis, params_json: JSON.stringify(c.check.params), rule_json: JSON.stringify(c.check.rule),
      explanation: c.explanation ?? null, file: origin.file, line: origin.line,
    });
    cite('claim', c.id, [c.source]);
  }

  for (const { value: o } of facts.capability) {
    const d = date(o.date);
    t.capability_observations!.push({ release_id: o.release, measure: o.measure, value: o.value, date: d.start, date_text: d.value, source_id: o.source, low: o.low ?? null, high: o.high ?? null });
  }

  const releaseByRepo = new Map<string, string>();
  for (const { value: r } of facts.releases) for (const repo of r.hf_repos) releaseByRepo.set(repo.toLowerCase(), r.id);
  for (const { value: o } of facts.adoption) {
    t.adoption_observations!.push({
      repo: o.repo, release_id: o.release ?? releaseByRepo.get(o.repo.toLowerCase()) ?? null, date: o.date,
      downloads_30d: o.downloads_30d ?? null, downloads_all_time: o.downloads_all_time ?? null, likes: o.likes ?? null,
      finetunes: o.derivatives?.finetunes ?? null, adapters: o.derivatives?.adapters ?? null,
      quantizations: o.derivatives?.quantizations ?? null, merges: o.derivatives?.merges ?? null, source_id: o.source,
    });
  }
  return t;
}
