-- The release day and lab of each of a list of releases (comma-separated ids).
SELECT id, org_id AS org, strftime(date, '%Y-%m-%d') AS day FROM releases
WHERE list_contains(string_split($ids, ','), id)
ORDER BY date
