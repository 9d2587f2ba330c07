-- The releases export: the dashboard's release table fields (/releases.csv and .json use the
-- same names), then the rest of the release record, lists as lists.
SELECT
  r.id, r.name, r.org_id AS org, o.name AS org_name, o.country,
  coalesce((SELECT list(c.country ORDER BY c.country) FROM org_countries c WHERE c.org_id = r.org_id), [o.country]) AS countries,
  r.date_text AS date,
  r.type, r.params_total, r.params_active, r.access_summary AS access, r.weights_available,
  r.license_id AS license, r.flagship, r.family_id AS family,
  coalesce((SELECT list(a.channel ORDER BY a.channel) FROM release_access a WHERE a.release_id = r.id), []::VARCHAR[]) AS channels,
  r.date AS date_start, r.date_precision, r.date_kind, r.base_model_id,
  coalesce((SELECT list(m.modality ORDER BY m.modality) FROM release_modalities m WHERE m.release_id = r.id), []::VARCHAR[]) AS modalities,
  coalesce((SELECT list(h.repo ORDER BY h.repo) FROM release_hf_repos h WHERE h.release_id = r.id), []::VARCHAR[]) AS hf_repos,
  r.file, r.line
FROM releases r
JOIN organizations o ON o.id = r.org_id
ORDER BY r.date DESC, r.id
