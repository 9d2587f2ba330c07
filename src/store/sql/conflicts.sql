-- Disagreements between release records and imported datasets (aperture conflicts).
SELECT
  c.release_id AS release, r.name, r.org_id AS org, c.attribute, c.recorded_value AS recorded,
  c.recorded_sources, c.curated, c.observed_value AS observed, c.observed_source, c.upstream_name,
  c.resolved_value, c.resolution_reason, c.resolution_file, c.resolution_line
FROM conflicts c
JOIN releases r ON r.id = c.release_id
WHERE ($release IS NULL OR c.release_id = $release)
  AND ($attribute IS NULL OR c.attribute = $attribute)
  AND ($source IS NULL OR c.observed_source = $source)
  AND ($all OR c.resolved_value IS NULL)
ORDER BY c.curated DESC, r.org_id, c.release_id, c.attribute, c.observed_source
