-- Capability measures with how many releases, observations and sources each has and the dates
-- of its first and last observation (for hints, stats, the sources page and the report).
SELECT measure, count(DISTINCT release_id) AS releases, count(*) AS observations, count(DISTINCT source_id) AS sources,
  strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last
FROM capability_observations
GROUP BY measure
ORDER BY releases DESC, measure
