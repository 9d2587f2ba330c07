-- What peer openness indices say (data/imported/osai-index, data/imported/mot): their own
-- judgments, attributed to them and kept apart from our component facts.

-- Every entry of a peer index, matched to a release or not (then `unmatched_reason` says why:
-- unmatched, ambiguous with `candidates`, or unknown-org).
CREATE TABLE peer_entries (
  peer VARCHAR NOT NULL, source_id VARCHAR NOT NULL, entry VARCHAR NOT NULL, name VARCHAR NOT NULL,
  org_name VARCHAR, release_id VARCHAR, base_release_id VARCHAR, via VARCHAR, unmatched_reason VARCHAR,
  candidates VARCHAR, origin VARCHAR, countries VARCHAR, license VARCHAR, url VARCHAR,
  file VARCHAR NOT NULL, line INTEGER NOT NULL
);

-- One judgment of a matched entry: an EOSAI parameter's grade, or a component MOT lists.
-- `component` is the MOF component it speaks to and `component_release_id` the release that
-- component belongs to (the base model for EOSAI's base-model parameters); both NULL when the
-- judgment maps to no single component (EOSAI code documentation, hardware, licenses) or the
-- base model was not matched.
-- `says` puts both indices on one scale: open (EOSAI open; MOT: an open license), partial (EOSAI
-- partial), not-open (MOT: included under a license that is not open, or none), closed (EOSAI
-- closed; MOT: not included); NULL when MOT's license text names no license we know.
CREATE TABLE peer_observations (
  peer VARCHAR NOT NULL, source_id VARCHAR NOT NULL, entry VARCHAR NOT NULL, release_id VARCHAR NOT NULL,
  parameter VARCHAR NOT NULL, component VARCHAR, component_release_id VARCHAR, says VARCHAR,
  grade VARCHAR, included BOOLEAN, license VARCHAR, license_text VARCHAR, license_from VARCHAR,
  license_open BOOLEAN, url VARCHAR, file VARCHAR NOT NULL, line INTEGER NOT NULL
);
