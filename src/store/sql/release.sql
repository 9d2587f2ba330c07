-- One release with its lab and family (aperture release <id>).
SELECT
  r.id, r.name, r.org_id AS org, o.name AS org_name, o.country, r.family_id AS family, f.name AS family_name,
  r.date_text AS date, r.date_precision, r.date_kind, r.type, r.params_total, r.params_active, r.base_model_id AS base_model,
  r.license_id AS license, r.flagship, r.weights_available, r.access_summary, r.file, r.line
FROM releases r
JOIN organizations o ON o.id = r.org_id
JOIN families f ON f.id = r.family_id
WHERE r.id = $id
