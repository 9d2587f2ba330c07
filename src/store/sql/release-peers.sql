-- What the peer indices (EOSAI, MOT) say about one release (aperture release --json): every
-- judgment of the entries matched to it, and EOSAI's base-model judgments where it is the base
-- model of an entry. Their judgments, shown beside our component facts, never merged into them.
SELECT
  o.peer, o.source_id AS source, o.entry, o.release_id AS entry_release, o.parameter, o.component,
  o.says, o.grade, o.license, o.license_text, o.license_from, o.url
FROM peer_observations o
WHERE o.release_id = $id OR o.component_release_id = $id
ORDER BY o.peer, o.entry, o.parameter
