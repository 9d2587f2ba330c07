-- Candidates for the model chooser: releases with downloadable weights known as of a date, with
-- their lab's countries, modalities, weights license terms and score on one measure. The
-- constraints are applied by choose.ts, which also says why each one was left out.
SELECT
  r.id, r.name, r.org_id AS org, r.org_name, r.group_id AS "group", r.group_name, ap_countries(r.org_id) AS countries, r.date_text AS date,
  r.type, r.params_total, r.params_active, r.access_summary AS access, r.license_id AS license,
  (SELECT list(modality ORDER BY modality) FROM release_modalities m WHERE m.release_id = r.id) AS modalities,
  (SELECT list(repo ORDER BY repo) FROM release_hf_repos h WHERE h.release_id = r.id) AS hf_repos,
  l.name AS license_name, l.category AS license_category, l.osi_approved, l.terms_json,
  round(s.value, 2) AS score, s.observed, s.sources AS score_sources
FROM ap_releases($as_of) r
LEFT JOIN licenses l ON l.id = r.license_id
LEFT JOIN ap_scores($as_of, $measure, $max_age, $as_of) s ON s.release_id = r.id
WHERE r.weights_available
ORDER BY s.value DESC NULLS LAST, r.date DESC, r.id
