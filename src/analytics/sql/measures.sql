-- Capability measures with how many releases and observations each has (for hints and the report).
SELECT measure, count(DISTINCT release_id) AS releases, count(*) AS observations,
  strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last
FROM capability_observations
GROUP BY measure
ORDER BY releases DESC, measure
