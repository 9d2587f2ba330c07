-- The sources a record cites, with their URL and access date.
SELECT s.id, s.url, s.publisher, s.title, strftime(s.accessed, '%Y-%m-%d') AS accessed, s.kind
FROM citations c JOIN sources s ON s.id = c.source_id
WHERE c.record_kind = $kind AND c.record_id = $id
ORDER BY s.id
