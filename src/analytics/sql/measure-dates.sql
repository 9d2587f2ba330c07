-- The first and last observation dates of a measure, and how many releases it scores.
SELECT strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last,
  count(DISTINCT release_id) AS releases, count(*) AS observations
FROM capability_observations
WHERE measure = $measure AND ap_known_on(date, ap_precision(date_text)) <= CAST($as_of AS DATE)
