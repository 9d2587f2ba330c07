-- Rubric results, computed at build time from the facts (src/assess), one build at a time.

-- Headline results per release, flat for analytics and charts.
CREATE TABLE openness (
  release_id VARCHAR PRIMARY KEY,
  mof_class INTEGER,                -- 3 open model, 2 open tooling, 1 open science; NULL when none reached
  mof_label VARCHAR NOT NULL,
  osai_score DOUBLE NOT NULL,       -- 0..1, mean of the 12 EOSAI parameters (unknown counts as 0)
  osai_points DOUBLE NOT NULL,      -- out of 12
  osai_unknown INTEGER NOT NULL,    -- parameters with no facts
  osaid VARCHAR NOT NULL,           -- pass, fail or unknown
  access_tier VARCHAR NOT NULL,     -- unreleased ... open-weights-unrestricted
  epoch_label VARCHAR,              -- Epoch AI's accessibility label, NULL when the terms are unknown
  license_category VARCHAR NOT NULL,
  license_open BOOLEAN NOT NULL,
  commercial_use VARCHAR NOT NULL,
  profile_weights DOUBLE, profile_code DOUBLE, profile_data DOUBLE,
  profile_documentation DOUBLE, profile_license DOUBLE
);

-- Every rubric's full result with its reasons, as JSON, for pages and `aperture assess`.
CREATE TABLE assessments (
  release_id VARCHAR NOT NULL, rubric VARCHAR NOT NULL, version VARCHAR NOT NULL,
  summary VARCHAR NOT NULL, result_json VARCHAR NOT NULL
);
