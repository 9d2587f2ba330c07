-- Every release with a score on one measure as of a date, with its release day and lab
-- and the lab's ancestors, itself first (the capability-rank claim check). Freshness counts back
-- from $fresh_to, the end of the period compared.
SELECT r.id, r.name, r.org_id AS org,
  (SELECT list(ancestor_id ORDER BY depth) FROM org_ancestors a WHERE a.org_id = r.org_id) AS ancestors, ap_countries(r.org_id) AS countries, r.date_text AS date,
  strftime(r.date, '%Y-%m-%d') AS day, r.weights_available, r.access_summary AS access, r.license_id AS license,
  round(s.value, 2) AS score, s.observed, s.sources
FROM ap_scores($as_of, $measure, $max_age, $fresh_to) s
JOIN ap_releases($as_of) r ON r.id = s.release_id
ORDER BY s.value DESC, r.id
