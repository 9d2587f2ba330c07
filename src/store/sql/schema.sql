-- The Aperture database: one build of data/, read by every query surface.
-- Conventions: ids are the slugs from data/; dates are DATE (the first day a partial date can
-- denote) with the written value and its precision beside them; NULL means "no source says".

-- Key/value facts about this build: data hash (staleness), schema and rubric versions.
CREATE TABLE build_info (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

CREATE TABLE sources (
  id VARCHAR PRIMARY KEY, url VARCHAR NOT NULL, publisher VARCHAR NOT NULL, title VARCHAR,
  license VARCHAR, accessed DATE NOT NULL, kind VARCHAR, file VARCHAR NOT NULL, line INTEGER NOT NULL
);

-- Which record cites which source; record_kind is org, family, release, license, event, claim.
CREATE TABLE citations (record_kind VARCHAR NOT NULL, record_id VARCHAR NOT NULL, source_id VARCHAR NOT NULL);

CREATE TABLE organizations (
  id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, country VARCHAR NOT NULL,
  parent_id VARCHAR, url VARCHAR, file VARCHAR NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE org_countries (org_id VARCHAR NOT NULL, country VARCHAR NOT NULL, is_primary BOOLEAN NOT NULL);
-- Names an organization goes by: aliases and Hugging Face namespaces (for entity resolution).
CREATE TABLE org_names (org_id VARCHAR NOT NULL, name VARCHAR NOT NULL, kind VARCHAR NOT NULL);
CREATE TABLE countries (code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL);

CREATE TABLE licenses (
  id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, url VARCHAR, registered BOOLEAN NOT NULL,
  spdx BOOLEAN NOT NULL, osi_approved BOOLEAN, category VARCHAR, hf_tag VARCHAR,
  commercial_use VARCHAR, user_threshold DOUBLE, revenue_threshold_usd DOUBLE,
  acceptable_use_policy BOOLEAN, attribution_required BOOLEAN, naming_requirement VARCHAR,
  output_training_limit BOOLEAN, share_alike BOOLEAN, revocable BOOLEAN,
  -- The full structured terms as JSON, including `unknown` values the typed columns hold as NULL.
  terms_json VARCHAR, file VARCHAR, line INTEGER
);

CREATE TABLE families (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, org_id VARCHAR NOT NULL, url VARCHAR);

CREATE TABLE releases (
  id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, family_id VARCHAR NOT NULL, org_id VARCHAR NOT NULL,
  date DATE NOT NULL, date_text VARCHAR NOT NULL, date_precision VARCHAR NOT NULL,
  -- What the date stands for (launch, announcement, paper, publication, upload); NULL: not stated.
  date_kind VARCHAR,
  type VARCHAR NOT NULL, params_total DOUBLE, params_active DOUBLE, base_model_id VARCHAR,
  license_id VARCHAR, flagship BOOLEAN NOT NULL,
  -- Weights can be downloaded, with or without a click-through (open-weights or gated-weights).
  weights_available BOOLEAN NOT NULL,
  -- The most open channel: open-weights > gated-weights > api > hosted-app > none.
  access_summary VARCHAR NOT NULL,
  file VARCHAR NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE release_access (release_id VARCHAR NOT NULL, channel VARCHAR NOT NULL);
CREATE TABLE release_modalities (release_id VARCHAR NOT NULL, modality VARCHAR NOT NULL);
CREATE TABLE release_hf_repos (release_id VARCHAR NOT NULL, repo VARCHAR NOT NULL);

-- All 17 MOF components for every release; `declared` is false where data/ says nothing
-- (status unknown by default).
CREATE TABLE components (
  release_id VARCHAR NOT NULL, component VARCHAR NOT NULL, status VARCHAR NOT NULL,
  license VARCHAR, url VARCHAR, source_id VARCHAR, declared BOOLEAN NOT NULL
);

CREATE TABLE events (
  id VARCHAR PRIMARY KEY, date DATE NOT NULL, date_text VARCHAR NOT NULL, date_precision VARCHAR NOT NULL,
  kind VARCHAR NOT NULL, title VARCHAR NOT NULL, file VARCHAR NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE event_orgs (event_id VARCHAR NOT NULL, org_id VARCHAR NOT NULL);
CREATE TABLE event_releases (event_id VARCHAR NOT NULL, release_id VARCHAR NOT NULL);

CREATE TABLE claims (
  id VARCHAR PRIMARY KEY, statement VARCHAR NOT NULL, speaker VARCHAR NOT NULL, said DATE NOT NULL,
  source_id VARCHAR NOT NULL, url VARCHAR, analysis VARCHAR NOT NULL, params_json VARCHAR NOT NULL,
  rule_json VARCHAR NOT NULL, explanation VARCHAR, file VARCHAR NOT NULL, line INTEGER NOT NULL
);

CREATE TABLE capability_observations (
  release_id VARCHAR NOT NULL, measure VARCHAR NOT NULL, value DOUBLE NOT NULL, date DATE NOT NULL,
  date_text VARCHAR NOT NULL, source_id VARCHAR NOT NULL, low DOUBLE, high DOUBLE
);

CREATE TABLE adoption_observations (
  repo VARCHAR NOT NULL, release_id VARCHAR, date DATE NOT NULL, downloads_30d BIGINT,
  downloads_all_time BIGINT, likes BIGINT, finetunes BIGINT, adapters BIGINT, quantizations BIGINT,
  merges BIGINT, source_id VARCHAR NOT NULL
);
