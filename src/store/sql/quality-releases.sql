-- Per release (aperture quality): how many of the 17 MOF components no fact speaks to, and how
-- many recorded facts give no evidence URL. Imported releases (data/imported/) carry no
-- component facts, so they are left out unless $imported is true. Most unknown first.
SELECT
  r.id AS release, r.name, r.org_id AS org, r.date_text AS date, r.flagship, r.file LIKE '%imported/%' AS imported,
  count(*) FILTER (WHERE c.status <> 'unknown') AS known,
  count(*) FILTER (WHERE c.status = 'unknown') AS unknown,
  coalesce(list(c.component ORDER BY c.component) FILTER (WHERE c.status = 'unknown'), []) AS unknown_components,
  count(*) FILTER (WHERE c.status <> 'unknown' AND c.url IS NOT NULL) AS with_url,
  coalesce(list(c.component ORDER BY c.component) FILTER (WHERE c.status <> 'unknown' AND c.url IS NULL), []) AS without_url
FROM releases r
JOIN components c ON c.release_id = r.id
WHERE ($org IS NULL OR r.org_id = $org)
  AND ($imported OR r.file NOT LIKE '%imported/%')
GROUP BY ALL
ORDER BY unknown DESC, date DESC, release
