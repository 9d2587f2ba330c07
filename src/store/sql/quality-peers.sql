-- Per peer index (aperture quality): its entries, how many were tied to a release, why the
-- others were not, and how many judgments the matched ones carry.
SELECT
  e.peer, e.source_id AS source,
  count(*) AS entries,
  count(e.release_id) AS matched,
  count(*) FILTER (WHERE e.unmatched_reason = 'unmatched') AS unmatched,
  count(*) FILTER (WHERE e.unmatched_reason = 'ambiguous') AS ambiguous,
  count(*) FILTER (WHERE e.unmatched_reason = 'unknown-org') AS unknown_org,
  (SELECT count(*) FROM peer_observations o WHERE o.peer = e.peer) AS observations
FROM peer_entries e
GROUP BY ALL
ORDER BY e.peer
