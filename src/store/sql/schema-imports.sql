-- What imported datasets say, and where they disagree with the release records.

-- One attribute of one release as an upstream dataset states it (data/imported/observations).
CREATE TABLE attribute_observations (
  release_id VARCHAR NOT NULL, attribute VARCHAR NOT NULL, value VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL, upstream_name VARCHAR
);

-- A disagreement between a release record and a dataset; both values are kept. `resolved_value`
-- and `resolution_reason` come from a curated override in data/overrides/.
CREATE TABLE conflicts (
  release_id VARCHAR NOT NULL, attribute VARCHAR NOT NULL,
  recorded_value VARCHAR NOT NULL, recorded_sources VARCHAR NOT NULL, curated BOOLEAN NOT NULL,
  observed_value VARCHAR NOT NULL, observed_source VARCHAR NOT NULL, upstream_name VARCHAR,
  resolved_value VARCHAR, resolution_reason VARCHAR, resolution_file VARCHAR, resolution_line INTEGER
);

-- Upstream names the importers could not tie to exactly one release (data/imported/unmatched).
CREATE TABLE unmatched (
  upstream VARCHAR NOT NULL, name VARCHAR NOT NULL, org VARCHAR, reason VARCHAR NOT NULL,
  candidates VARCHAR NOT NULL, detail VARCHAR, rows INTEGER NOT NULL, file VARCHAR NOT NULL, line INTEGER NOT NULL
);
