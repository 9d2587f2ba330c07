-- Every scored release at each of a list of dates (comma-separated YYYY-MM-DD): its latest
-- observation of the measure on or before that date, for releases known by then, leaving out
-- observations older than max_age days before that date. Feeds the
-- frontier gap and the best open model per country over time.
WITH days AS (
  SELECT DISTINCT CAST(unnest(string_split($dates, ',')) AS DATE) AS d
), obs AS (
  SELECT c.release_id, c.value, c.date, ap_known_on(c.date, ap_precision(c.date_text)) AS known_on
  FROM capability_observations c WHERE c.measure = $measure
), rel AS (
  SELECT r.id, r.name, r.org_id, r.weights_available, ap_known_on(r.date, r.date_precision) AS known_on
  FROM releases r
), seen AS (
  SELECT days.d, obs.release_id, obs.value, obs.date
  FROM days JOIN obs ON obs.known_on <= days.d
  JOIN rel ON rel.id = obs.release_id AND rel.known_on <= days.d
), latest AS (
  SELECT d, release_id, max(date) AS date FROM seen
  WHERE date >= d - to_days(CAST($max_age AS INTEGER))
  GROUP BY d, release_id
)
SELECT strftime(l.d, '%Y-%m-%d') AS day, l.release_id AS id, rel.name, rel.org_id AS org,
  rel.weights_available AS open_weights, ap_countries(rel.org_id) AS countries, round(avg(s.value), 2) AS score
FROM latest l
JOIN seen s ON s.d = l.d AND s.release_id = l.release_id AND s.date = l.date
JOIN rel ON rel.id = l.release_id
GROUP BY ALL
ORDER BY day, score DESC, id
