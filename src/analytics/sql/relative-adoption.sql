-- Relative adoption: a release's 30-day downloads against the 10th-ranked release of its size
-- class at the same age (whole months since release), as of a date. With fewer than 10 peers
-- the last-ranked peer is the reference, and reference_rank says so. Each release is shown at
-- its latest observed age.
WITH per_release AS (
  SELECT a.release_id, a.date, sum(a.downloads_30d) AS downloads_30d
  FROM adoption_observations a
  WHERE a.release_id IS NOT NULL AND a.downloads_30d IS NOT NULL AND a.date <= CAST($as_of AS DATE)
  GROUP BY a.release_id, a.date
), aged AS (
  SELECT p.*, r.name, r.org_id, r.params_total, ap_size_class(r.params_total) AS size_class,
    date_sub('month', r.date, p.date) AS age_months
  FROM per_release p JOIN ap_releases($as_of) r ON r.id = p.release_id
  WHERE p.date >= r.date
  QUALIFY row_number() OVER (PARTITION BY p.release_id, date_sub('month', r.date, p.date) ORDER BY p.date DESC) = 1
), ranked AS (
  SELECT *,
    row_number() OVER (PARTITION BY size_class, age_months ORDER BY downloads_30d DESC, release_id) AS peer_rank,
    count(*) OVER (PARTITION BY size_class, age_months) AS peers
  FROM aged
), reference AS (
  SELECT size_class, age_months, any_value(peer_rank) AS reference_rank, any_value(downloads_30d) AS reference_downloads
  FROM ranked WHERE peer_rank = least(10, peers)
  GROUP BY size_class, age_months
)
SELECT k.release_id AS id, k.name, k.org_id AS org, ap_countries(k.org_id) AS countries, k.size_class, k.age_months,
  strftime(k.date, '%Y-%m-%d') AS observed, k.downloads_30d, k.peer_rank, k.peers, f.reference_rank, f.reference_downloads,
  CASE WHEN f.reference_downloads > 0 THEN round(k.downloads_30d / f.reference_downloads, 3) END AS relative
FROM ranked k JOIN reference f ON f.size_class = k.size_class AND f.age_months = k.age_months
WHERE ($org IS NULL OR k.org_id = $org)
QUALIFY row_number() OVER (PARTITION BY k.release_id ORDER BY k.age_months DESC) = 1
ORDER BY relative DESC NULLS LAST, k.release_id
