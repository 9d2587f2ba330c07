-- Dated access and license changes of releases (their history), known as of a date, each with
-- the state before and after it and how restrictive both licenses are.
SELECT
  CASE WHEN $rollup THEN r.group_id ELSE r.org_id END AS org, CASE WHEN $rollup THEN r.group_name ELSE r.org_name END AS org_name,
  r.id, r.name, s.date_text AS date, strftime(s.date, '%Y-%m-%d') AS day,
  p.weights_available AS was_weights, s.weights_available AS weights, p.access_summary AS was_access, s.access_summary AS access,
  p.license_id AS was_license, s.license_id AS license, lp.category AS was_category, l.category AS category, s.source_id AS source
FROM release_states s
JOIN release_states p ON p.release_id = s.release_id AND p.seq = s.seq - 1
JOIN ap_releases($as_of) r ON r.id = s.release_id
LEFT JOIN licenses l ON l.id = s.license_id
LEFT JOIN licenses lp ON lp.id = p.license_id
WHERE s.seq > 0 AND ap_known_on(s.date, s.date_precision) <= CAST($as_of AS DATE)
  AND ($org IS NULL OR (CASE WHEN $rollup THEN r.group_id = ap_group($org) ELSE r.org_id = $org END))
ORDER BY org, s.date, r.id
