-- Open-weights releases ranked by their score on one measure as of a date (aperture best-open).
-- Scores come from ap_scores: each release's latest observation on or before the date.
SELECT
  r.id, r.name, r.org_id AS org, r.org_name, r.group_id AS "group", r.group_name, ap_countries(r.org_id) AS countries,
  r.date_text AS date, r.params_total, r.access_summary AS access, r.license_id AS license,
  round(s.value, 2) AS score, s.observed, s.sources
FROM ap_scores($as_of, $measure, $max_age, $as_of) s
JOIN ap_releases($as_of) r ON r.id = s.release_id
WHERE r.weights_available
ORDER BY s.value DESC, r.date DESC, r.id
