-- The Hub aggregates, one set of rows per snapshot date. `rule` names how a number was credited:
-- root (to the organizations and countries of the repo's lineage roots) or uploader.
CREATE TABLE IF NOT EXISTS hub_snapshots (
  snapshot DATE PRIMARY KEY, repos BIGINT, edges BIGINT, missing_parents BIGINT, cycle_edges BIGINT,
  cycles BIGINT, roots BIGINT, bad_records BIGINT, duplicates BIGINT, files VARCHAR[], ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS hub_country (
  snapshot DATE, rule VARCHAR, country VARCHAR, month VARCHAR, relation VARCHAR,
  repos DOUBLE, downloads_30d DOUBLE, downloads_all_time DOUBLE);
CREATE TABLE IF NOT EXISTS hub_org (
  snapshot DATE, rule VARCHAR, org VARCHAR, month VARCHAR, relation VARCHAR,
  repos DOUBLE, downloads_30d DOUBLE, downloads_all_time DOUBLE);
CREATE TABLE IF NOT EXISTS hub_family (
  snapshot DATE, rule VARCHAR, family VARCHAR, month VARCHAR, relation VARCHAR,
  repos DOUBLE, downloads_30d DOUBLE, downloads_all_time DOUBLE);
CREATE TABLE IF NOT EXISTS hub_unknown (
  snapshot DATE, namespace VARCHAR, repos DOUBLE, downloads_30d DOUBLE, credited_downloads_30d DOUBLE);
CREATE TABLE IF NOT EXISTS hub_derivative_share (
  snapshot DATE, rule VARCHAR, country VARCHAR, derivatives DOUBLE, share DOUBLE);
