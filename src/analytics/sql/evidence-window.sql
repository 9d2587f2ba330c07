-- The evidence behind a capability answer on one measure as of a date: the measure's newest
-- observation known then, and every release in scope (open-weights only, or all) that is either
-- a flagship released in the window [$from, $to] or released after that newest observation (up to $to),
-- optionally of some labs only ($orgs, comma-separated), each saying whether it has a fresh score (ap_scores, freshness counted back from $fresh_to).
WITH newest AS (
  SELECT max(c.date) AS d FROM capability_observations c
  WHERE c.measure = $measure AND ap_known_on(c.date, ap_precision(c.date_text)) <= CAST($as_of AS DATE)
), scored AS (
  SELECT release_id FROM ap_scores($as_of, $measure, $max_age, $fresh_to)
)
SELECT r.id, r.name, r.org_id AS org, r.date_text AS date, r.flagship, r.weights_available AS open_weights,
  r.id IN (SELECT release_id FROM scored) AS scored,
  (newest.d IS NOT NULL AND r.date > newest.d AND r.date <= CAST($to AS DATE)) AS after_newest,
  (r.flagship AND r.date >= CAST($from AS DATE) AND r.date <= CAST($to AS DATE)) AS flagship_in_window,
  strftime(newest.d, '%Y-%m-%d') AS newest
FROM ap_releases($as_of) r, newest
WHERE ($scope = 'all' OR r.weights_available)
  AND ($orgs IS NULL OR list_contains(string_split($orgs, ','), r.org_id))
  AND ((r.flagship AND r.date >= CAST($from AS DATE) AND r.date <= CAST($to AS DATE)) OR (newest.d IS NOT NULL AND r.date > newest.d AND r.date <= CAST($to AS DATE)))
ORDER BY r.date DESC, r.id
