-- Releases with their lab and its primary country, filtered (aperture releases, /releases).
-- Every filter is optional: a NULL parameter disables it.
SELECT
  r.id, r.name, r.org_id AS org, o.name AS org_name, o.country, r.date_text AS date,
  r.type, r.params_total, r.params_active, r.access_summary AS access, r.weights_available,
  r.license_id AS license, r.flagship, r.family_id AS family
FROM releases r
JOIN organizations o ON o.id = r.org_id
WHERE ($org IS NULL OR r.org_id = $org)
  AND ($country IS NULL OR EXISTS (SELECT 1 FROM org_countries oc WHERE oc.org_id = r.org_id AND oc.country = $country))
  AND ($access IS NULL OR EXISTS (SELECT 1 FROM release_access ra WHERE ra.release_id = r.id AND ra.channel = $access))
  AND ($since IS NULL OR r.date >= CAST($since AS DATE))
  AND ($until IS NULL OR r.date <= CAST($until AS DATE))
  AND ($q IS NULL OR r.name ILIKE '%' || $q || '%' ESCAPE '\' OR r.id ILIKE '%' || $q || '%' ESCAPE '\' OR o.name ILIKE '%' || $q || '%' ESCAPE '\'
       OR EXISTS (SELECT 1 FROM release_hf_repos h WHERE h.release_id = r.id AND h.repo ILIKE '%' || $q || '%' ESCAPE '\'))
ORDER BY r.date DESC, r.id
