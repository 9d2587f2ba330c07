-- Per lab (aperture quality): component coverage of its releases. `well_known` counts releases
-- with at least 10 of the 17 components known (as `aperture stats` does); `no_evidence` those
-- whose known components cite no URL at all. Least covered first.
WITH per_release AS (
  SELECT r.id, r.org_id,
    count(*) FILTER (WHERE c.status <> 'unknown') AS known,
    count(*) FILTER (WHERE c.status <> 'unknown' AND c.url IS NOT NULL) AS with_url
  FROM releases r JOIN components c ON c.release_id = r.id
  WHERE ($org IS NULL OR r.org_id = $org)
    AND ($imported OR r.file NOT LIKE '%imported/%')
  GROUP BY ALL
)
SELECT
  p.org_id AS org, o.name AS org_name, o.country,
  count(*) AS releases,
  sum(17 - p.known) AS unknown_components,
  round(sum(17 - p.known) / (17.0 * count(*)), 3) AS unknown_share,
  count(*) FILTER (WHERE p.known >= 10) AS well_known,
  count(*) FILTER (WHERE p.known = 0) AS no_facts,
  count(*) FILTER (WHERE p.known > 0 AND p.with_url = 0) AS no_evidence
FROM per_release p
JOIN organizations o ON o.id = p.org_id
GROUP BY ALL
ORDER BY unknown_share DESC, releases DESC, org
