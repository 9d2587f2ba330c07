-- Sources and how many records cite each (aperture sources, /sources).
SELECT s.id, s.publisher, s.title, s.url, strftime(s.accessed, '%Y-%m-%d') AS accessed, s.kind, s.license,
  (SELECT count(*) FROM citations c WHERE c.source_id = s.id)
  + (SELECT count(*) FROM components c WHERE c.source_id = s.id)
  + (SELECT count(*) FROM capability_observations c WHERE c.source_id = s.id)
  + (SELECT count(*) FROM adoption_observations c WHERE c.source_id = s.id) AS citations
FROM sources s
ORDER BY citations DESC, s.id
