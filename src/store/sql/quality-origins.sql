-- Where EOSAI's national origin names countries none of which is a country of the release's lab
-- (aperture quality). "International" and "Undisclosed" name no country and are not compared.
SELECT
  e.release_id AS release, r.org_id AS org, e.entry, e.org_name AS their_org, e.origin AS their_origin,
  string_split(e.countries, ',') AS their_countries,
  (SELECT list(oc.country ORDER BY NOT oc.is_primary, oc.country) FROM org_countries oc WHERE oc.org_id = r.org_id) AS our_countries,
  e.file, e.line
FROM peer_entries e
JOIN releases r ON r.id = e.release_id
WHERE e.peer = 'osai-index' AND e.countries IS NOT NULL
  AND ($org IS NULL OR r.org_id = $org)
  AND NOT EXISTS (
    SELECT 1 FROM org_countries oc WHERE oc.org_id = r.org_id AND list_contains(string_split(e.countries, ','), oc.country)
  )
ORDER BY release, e.entry
