-- What a diff compares of each release: the record's license and access, keyed by id.
SELECT r.id, r.name, r.org_id AS org, r.date_text AS date, r.license_id AS license,
  r.access_summary AS access, r.weights_available
FROM releases r
ORDER BY r.id
