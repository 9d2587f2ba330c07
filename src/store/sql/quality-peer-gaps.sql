-- Components we know nothing about but a peer index judged (aperture quality): where a curator
-- could start. One row per release and component, with the peers that speak to it.
SELECT
  o.component_release_id AS release, r.org_id AS org, o.component,
  list(DISTINCT o.peer ORDER BY o.peer) AS peers,
  list(DISTINCT o.says ORDER BY o.says) FILTER (WHERE o.says IS NOT NULL) AS theirs
FROM peer_observations o
JOIN components c ON c.release_id = o.component_release_id AND c.component = o.component
JOIN releases r ON r.id = o.component_release_id
WHERE c.status = 'unknown' AND ($org IS NULL OR r.org_id = $org)
GROUP BY ALL
ORDER BY release, component
