-- Hugging Face adoption by lab or by origin country per period, as of a date (aperture adoption).
-- Each repo counts once per period, with its latest observation in the period; 30-day downloads
-- are summed over repos. By country, a repo counts for every country of its lab. Repos no lab
-- can be tied to are grouped as "unattributed".
WITH obs AS (
  SELECT a.*, ap_repo_org(a.release_id, a.repo) AS org_id, ap_period(a.date, 'day', $period) AS period
  FROM adoption_observations a
  WHERE a.date <= CAST($as_of AS DATE) AND ($since IS NULL OR a.date >= CAST($since AS DATE))
  QUALIFY row_number() OVER (PARTITION BY a.repo, ap_period(a.date, 'day', $period) ORDER BY a.date DESC) = 1
), grouped AS (
  SELECT CASE WHEN $by = 'org' THEN o.org_id ELSE oc.country END AS grp, o.*
  FROM obs o
  LEFT JOIN org_countries oc ON oc.org_id = o.org_id AND ($by = 'country' OR oc.is_primary)
)
SELECT
  coalesce(g.grp, 'unattributed') AS "group",
  coalesce(any_value(coalesce(org.name, c.name)), 'unattributed') AS group_name,
  g.period,
  count(DISTINCT g.repo) AS repos,
  count(DISTINCT g.release_id) AS releases,
  sum(g.downloads_30d) AS downloads_30d,
  sum(g.downloads_all_time) AS downloads_all_time,
  sum(g.likes) AS likes,
  sum(g.finetunes) AS finetunes,
  sum(g.adapters) AS adapters,
  sum(g.quantizations) AS quantizations,
  sum(g.merges) AS merges,
  -- Unknown, not zero, when no repo of the group has a derivative count.
  CASE WHEN count(g.finetunes) + count(g.adapters) + count(g.quantizations) + count(g.merges) > 0
    THEN sum(coalesce(g.finetunes, 0) + coalesce(g.adapters, 0) + coalesce(g.quantizations, 0) + coalesce(g.merges, 0)) END AS derivatives
FROM grouped g
LEFT JOIN organizations org ON $by = 'org' AND org.id = g.grp
LEFT JOIN countries c ON $by = 'country' AND c.code = g.grp
GROUP BY g.grp, g.period
ORDER BY g.period, downloads_30d DESC NULLS LAST, "group"
