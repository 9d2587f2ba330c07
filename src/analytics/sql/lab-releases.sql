-- Releases of a set of labs, of a group (an organization and every one under it), or of every lab
-- in a country, known as of a date, newest first (the lab-openness claim check).
SELECT r.id, r.name, r.org_id AS org, ap_countries(r.org_id) AS countries, r.date_text AS date,
  strftime(r.date, '%Y-%m-%d') AS day, r.flagship, r.weights_available, r.access_summary AS access, r.license_id AS license,
  (SELECT list(source_id ORDER BY source_id) FROM citations c WHERE c.record_kind = 'release' AND c.record_id = r.id) AS sources
FROM ap_releases($as_of) r
WHERE list_contains(string_split($orgs, ','), r.org_id)
   OR ($group IS NOT NULL AND EXISTS (SELECT 1 FROM org_ancestors a WHERE a.org_id = r.org_id AND a.ancestor_id = $group))
   OR ($country IS NOT NULL AND EXISTS (SELECT 1 FROM org_countries oc WHERE oc.org_id = r.org_id AND oc.country = $country))
ORDER BY r.date DESC, r.id
