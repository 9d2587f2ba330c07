/**
 * What each table and field of the built base means, for the Frictionless datapackage.json of
 * a snapshot and the export documentation in data/README.md (generated from this file, and a
 * test checks every exported column is described here).
 */

/** Fields that mean the same in every table that has them. */
export const COMMON_FIELDS: Record<string, string> = {
  release_id: 'release id (data/releases/<org>/<family>.yaml)',
  org_id: 'organization id (data/orgs/<id>.yaml)',
  source_id: 'id of the cited source (table sources)',
  file: 'data/ file the record was read from',
  line: 'line of that file where the record starts',
  url: 'link given by the record',
  date_text: 'the date as written in data/ (YYYY, YYYY-MM or YYYY-MM-DD)',
  date_precision: 'day, month or year: how much of date_text is known',
  peer: 'peer index: osai-index (European Open Source AI Index) or mot (Model Openness Tool)',
  entry: "the peer index's own id of the entry",
};

export interface TableDoc {
  description: string;
  fields: Record<string, string>;
}

export const TABLE_DOCS: Record<string, TableDoc> = {
  build_info: { description: 'facts about the build: data hash, schema and rubric versions', fields: { key: 'name of the fact', value: 'its value' } },
  sources: {
    description: 'every source a fact cites (URL and date accessed)',
    fields: { id: 'source id', publisher: 'who published it', title: 'its title', license: 'license of the source text or dataset, when known', accessed: 'day the source was read', kind: 'kind of source (model-card, paper, dataset, ...)' },
  },
  citations: { description: 'which record cites which source', fields: { record_kind: 'org, family, release, license, event or claim', record_id: 'id of the citing record' } },
  organizations: {
    description: 'labs and companies that release models',
    fields: { id: 'organization id', name: 'display name', kind: 'company, lab, university, nonprofit, government or collective', country: 'primary country (ISO 3166-1 alpha-2)', parent_id: 'parent organization id' },
  },
  org_countries: { description: 'every country an organization is based in', fields: { country: 'ISO 3166-1 alpha-2 code', is_primary: 'true for its primary country' } },
  org_names: { description: 'aliases and Hugging Face namespaces of organizations', fields: { name: 'the alias or namespace', kind: 'alias or hf-namespace' } },
  countries: { description: 'ISO 3166-1 countries the base refers to', fields: { code: 'alpha-2 code', name: 'English name' } },
  licenses: {
    description: 'the license registry with structured terms (NULL where the terms are unknown)',
    fields: {
      id: 'SPDX id or LicenseRef-...', name: 'license name', registered: 'has a record in data/licenses/', spdx: 'is an SPDX id', osi_approved: 'approved by the OSI (NULL: unknown)',
      category: 'permissive, copyleft, open-restricted, research-only, proprietary ...', hf_tag: 'license tag on the Hugging Face Hub', commercial_use: 'allowed, restricted, prohibited or NULL',
      user_threshold: 'monthly active users above which a separate license is needed', revenue_threshold_usd: 'revenue above which a separate license is needed (USD)',
      acceptable_use_policy: 'an acceptable use policy applies', attribution_required: 'attribution is required', naming_requirement: 'how derivatives must be named',
      output_training_limit: 'outputs may not train other models', share_alike: 'derivatives must use the same license', revocable: 'the licensor may revoke it', terms_json: 'the structured terms as JSON, unknown values included',
    },
  },
  families: { description: 'model families (one file each under data/releases/)', fields: { id: 'family id', name: 'family name' } },
  releases: {
    description: 'one row per model release',
    fields: {
      id: 'release id', name: 'release name', family_id: 'family id', date: 'release day (the first day the written date can denote)', type: 'base, instruct, reasoning or other',
      date_kind: 'what the date stands for: launch, announcement, paper, publication (paper or announcement, whichever came first) or upload (a Hub repo); NULL when not stated',
      params_total: 'total parameters', params_active: 'active parameters per token (mixture of experts)', base_model_id: 'release it was derived from', license_id: 'license of the weights (SPDX expression or LicenseRef)',
      flagship: "the lab's flagship at its date", weights_available: 'weights can be downloaded (open-weights or gated-weights)', countries: 'every country the lab is based in (a release counts for each, as on /countries)', access_summary: 'most open channel: open-weights > gated-weights > api > hosted-app > none',
    },
  },
  release_access: { description: 'every channel a release is reachable through', fields: { channel: 'open-weights, gated-weights, api, hosted-app or none' } },
  release_modalities: { description: 'modalities of each release', fields: { modality: 'text, image, audio, video, ...' } },
  release_hf_repos: { description: 'Hugging Face repos of each release', fields: { repo: 'owner/name on the Hub' } },
  components: {
    description: 'all 17 Model Openness Framework components of every release',
    fields: { component: 'MOF component id', status: 'open, restricted, closed, not-applicable or unknown', license: 'license of this component', declared: 'false where data/ says nothing (status unknown by default)' },
  },
  events: { description: 'dated events (policy changes, license changes, statements) of labs', fields: { id: 'event id', date: 'event day', kind: 'kind of event', title: 'short title' } },
  event_orgs: { description: 'organizations an event concerns', fields: { event_id: 'event id' } },
  event_releases: { description: 'releases an event concerns', fields: { event_id: 'event id' } },
  claims: {
    description: 'public claims about AI openness with their checks (data/claims/)',
    fields: { id: 'claim id', statement: 'the claim, quoted', speaker: 'who said it', said: 'day it was said', analysis: 'the analysis that checks it', params_json: "the analysis's parameters as JSON", rule_json: 'the verdict rule as JSON', explanation: 'curated note on the claim' },
  },
  capability_observations: { description: 'capability scores of releases (benchmarks, arena ratings)', fields: { measure: 'measure id (lmarena-text, a benchmark id)', value: 'the score as published', low: 'lower end of the interval the source gives (e.g. Epoch\'s 90% interval), NULL when none', high: 'upper end of that interval, NULL when none', date: 'day the score was observed' } },
  org_ancestors: { description: 'every organization with each organization above it in its parent chain, itself included', fields: { ancestor_id: 'an organization at or above it', depth: '0 for itself, 1 for its parent, ...', group_root: 'true for the top of the chain, the group it rolls up to' } },
  release_endpoints: { description: 'API endpoint names (-latest, dated -preview, -chat) of another release, kept out of counts and shares', fields: { endpoint_of: 'the release the endpoint serves' } },
  release_merged_ids: { description: 'ids of duplicate releases merged into another, which still resolve to it', fields: { merged_id: 'the id that was merged' } },
  release_states: {
    description: "a release's access and license from each dated change on (its history, then its current state)",
    fields: { seq: 'order of the state, 0 first', date: 'first day of this state', channels: 'access channels in this state, joined with ,', access_summary: 'most open channel in this state', weights_available: 'downloadable weights (open or gated) in this state', license_id: 'license of the weights in this state' },
  },
  adoption_observations: {
    description: 'Hugging Face Hub adoption figures of repos, as read on a day',
    fields: { repo: 'owner/name on the Hub', date: 'day the figures were read', downloads_30d: 'downloads in the 30 days before', downloads_all_time: 'downloads since creation', likes: 'likes', finetunes: 'fine-tuned derivatives', adapters: 'adapter derivatives', quantizations: 'quantized derivatives', merges: 'merged derivatives' },
  },
  openness: {
    description: 'headline rubric results per release (computed at build time)',
    fields: {
      mof_class: 'Model Openness Framework class: 3 open model, 2 open tooling, 1 open science, NULL none', mof_label: 'the class in words', osai_score: 'European Open Source AI Index score 0..1 (unknown counts as 0)', osai_points: 'index points out of 12',
      osai_unknown: 'index parameters with no facts', osaid: 'OSI Open Source AI Definition 1.0: pass, fail or unknown', access_tier: 'access tier, unreleased ... open-weights-unrestricted', epoch_label: "Epoch AI's accessibility label (NULL: terms unknown)",
      license_category: 'category of the weights license', license_open: 'the weights license is open', commercial_use: 'commercial use of the weights', profile_weights: 'openness profile: weights 0..1', profile_code: 'openness profile: code 0..1', profile_data: 'openness profile: data 0..1', profile_documentation: 'openness profile: documentation 0..1', profile_license: 'openness profile: license 0..1',
    },
  },
  assessments: { description: "every rubric's full result with its reasons", fields: { rubric: 'license, access, mof, osai, osaid or profile', version: 'rubric version', summary: 'one-line result', result_json: 'full result with reasons, as JSON' } },
  attribute_observations: { description: 'one attribute of one release as an imported dataset states it', fields: { attribute: 'attribute name (date, params_total, license, ...)', value: 'the value the dataset gives', upstream_name: "the dataset's name for the model" } },
  conflicts: {
    description: 'where imported datasets disagree with release records (both values kept)',
    fields: { attribute: 'attribute in disagreement', recorded_value: 'value in the release record', recorded_sources: 'sources of the recorded value', curated: 'the recorded value is curated (not imported)', observed_value: 'value the dataset gives', observed_source: 'source of the observed value', upstream_name: "the dataset's name for the model", resolved_value: 'value an override settles on', resolution_reason: "the override's reason", resolution_file: 'file of the override', resolution_line: 'line of the override' },
  },
  unmatched: { description: 'upstream names the importers could not tie to exactly one release', fields: { upstream: 'importer id', name: 'upstream model name', org: 'upstream organization name', reason: 'unmatched, ambiguous or unknown-org', candidates: 'candidate release ids when ambiguous', detail: 'more detail', rows: 'upstream rows with this name' } },
  peer_entries: {
    description: 'every entry of a peer openness index, matched to a release or not',
    fields: { name: 'entry name', org_name: "the index's organization name", base_release_id: 'matched base model release', via: 'how it was matched (hf-repo, name)', unmatched_reason: 'why it was not matched', candidates: 'candidates when ambiguous', origin: "the index's origin field", countries: "the index's countries", license: "the index's license text" },
  },
  peer_observations: {
    description: "one judgment of a peer index about a matched release",
    fields: { parameter: "the index's parameter", component: 'MOF component it speaks to', component_release_id: 'release that component belongs to', says: 'open, partial, not-open or closed on one scale', grade: "EOSAI's grade", included: 'MOT: the component is included', license: 'license id we read', license_text: "the index's license text", license_from: 'where the license came from', license_open: 'that license is open' },
  },
  claim_verdicts: {
    description: 'every claim with its verdict as of the day it was said and as of the snapshot or export day (computed, not stored in data/)',
    fields: { id: 'claim id', statement: 'the claim, quoted', speaker: 'who said it', said: 'day it was said', analysis: 'the analysis that checks it', verdict_said: 'verdict with facts dated on or before the day it was said', verdict_as_of: 'verdict with facts dated on or before as_of', as_of: 'the day of verdict_as_of', explanation: 'why verdict_as_of follows', evidence_sources: 'sources behind verdict_as_of' },
  },
};

export function fieldDoc(table: string, field: string): string | undefined {
  return TABLE_DOCS[table]?.fields[field] ?? COMMON_FIELDS[field];
}

/** Exports shaped for readers (see views/history/exports.ts); every other export is a table above. */
export const EXPORT_DOCS: Record<string, TableDoc> = {
  releases: {
    description: "one row per release, with the dashboard's field names (/releases.csv, /releases.json) then the rest of the record",
    fields: {
      id: 'release id', name: 'release name', org: 'organization id', org_name: 'organization name', country: "the organization's primary country",
      date: 'release date as written (YYYY, YYYY-MM or YYYY-MM-DD)', type: 'base, instruct, reasoning or other', params_total: 'total parameters', params_active: 'active parameters per token',
      access: 'most open channel: open-weights > gated-weights > api > hosted-app > none', weights_available: 'weights can be downloaded (open-weights or gated-weights)', countries: 'every country the lab is based in (a release counts for each, as on /countries)', license: 'license of the weights',
      flagship: "the lab's flagship at its date", family: 'family id', channels: 'every access channel (a list; joined with "; " in CSV)', date_start: 'first day the written date can denote',
      date_precision: 'day, month or year', date_kind: 'what the date stands for (launch, announcement, paper, publication, upload), empty when not stated', base_model_id: 'release it was derived from', modalities: 'modalities (a list)', hf_repos: 'Hugging Face repos (a list)',
    },
  },
  claims: TABLE_DOCS.claim_verdicts!,
};

export function exportFieldDoc(name: string, field: string): string | undefined {
  return (EXPORT_DOCS[name] ?? TABLE_DOCS[name])?.fields[field] ?? COMMON_FIELDS[field];
}
