-- The fact base as it changes: organization groups, access and license over time, endpoint
-- aliases and merged release ids (rows from rows-history.ts).

-- Every organization with each of its ancestors (itself at depth 0); group_root marks the top of
-- its parent chain, the group a by-lab analysis rolls it up to.
CREATE TABLE org_ancestors (org_id VARCHAR NOT NULL, ancestor_id VARCHAR NOT NULL, depth INTEGER NOT NULL, group_root BOOLEAN NOT NULL);

-- A release's access and license from a date on: seq 0 as first released (on the release date),
-- then one row per change in its history. The releases table holds the last state (current).
CREATE TABLE release_states (
  release_id VARCHAR NOT NULL, seq INTEGER NOT NULL, date DATE NOT NULL, date_text VARCHAR NOT NULL,
  date_precision VARCHAR NOT NULL, channels VARCHAR NOT NULL, access_summary VARCHAR NOT NULL,
  weights_available BOOLEAN NOT NULL, license_id VARCHAR, source_id VARCHAR
);

-- API endpoint names of another release (endpoint_of): never counted as releases.
CREATE TABLE release_endpoints (release_id VARCHAR NOT NULL, endpoint_of VARCHAR NOT NULL);

-- Ids of releases merged into another (data/aliases/releases.yaml merged_ids).
CREATE TABLE release_merged_ids (merged_id VARCHAR NOT NULL, release_id VARCHAR NOT NULL);
