-- Every release known as of a date, per lab in date order, with what the retreat and advance
-- signals compare: whether weights can be downloaded, behind a click-through or not, and how
-- restrictive the weights license is, each as of the date (release_states). With rollup, a
-- release belongs to its lab's group (the top of its parent chain).
SELECT
  CASE WHEN $rollup THEN r.group_id ELSE r.org_id END AS org, CASE WHEN $rollup THEN r.group_name ELSE r.org_name END AS org_name, r.id, r.name, r.date_text AS date, strftime(r.date, '%Y-%m-%d') AS day,
  strftime(r.known_on, '%Y-%m-%d') AS known_on,
  r.date_precision, r.flagship, r.weights_available, r.access_summary AS access, r.license_id AS license,
  l.category AS license_category, l.commercial_use, l.user_threshold,
  (SELECT string_agg(source_id, ',' ORDER BY source_id) FROM citations c WHERE c.record_kind = 'release' AND c.record_id = r.id) AS sources
FROM ap_releases($as_of) r
LEFT JOIN licenses l ON l.id = r.license_id
WHERE ($org IS NULL OR (CASE WHEN $rollup THEN r.group_id = ap_group($org) ELSE r.org_id = $org END))
ORDER BY org, r.date, r.id
