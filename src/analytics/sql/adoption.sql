-- Hugging Face adoption by lab or by origin country per period, as of a date (aperture adoption).
-- Each repo counts once per period, with its latest observation in the period; 30-day downloads
-- are summed over repos. By country, a repo of a lab with n countries gives each 1/n of its
-- figures; by lab with rollup, a repo counts for its lab's group (the top of its parent chain).
-- Repos no lab can be tied to are grouped as "unattributed".
WITH obs AS (
  SELECT a.*, ap_repo_org(a.release_id, a.repo) AS org_id, ap_period(a.date, 'day', $period) AS period
  FROM adoption_observations a
  WHERE a.date <= CAST($as_of AS DATE) AND ($since IS NULL OR a.date >= CAST($since AS DATE))
  QUALIFY row_number() OVER (PARTITION BY a.repo, ap_period(a.date, 'day', $period) ORDER BY a.date DESC) = 1
), grouped AS (
  SELECT CASE WHEN $by = 'org' THEN (CASE WHEN $rollup THEN ap_group(o.org_id) ELSE o.org_id END) ELSE oc.country END AS grp,
    CASE WHEN $by = 'org' OR o.org_id IS NULL THEN 1.0 ELSE 1.0 / (SELECT count(*) FROM org_countries x WHERE x.org_id = o.org_id) END AS w, o.*
  FROM obs o
  LEFT JOIN org_countries oc ON oc.org_id = o.org_id AND ($by = 'country' OR oc.is_primary)
)
SELECT
  coalesce(g.grp, 'unattributed') AS "group",
  coalesce(any_value(coalesce(org.name, c.name)), 'unattributed') AS group_name,
  g.period,
  count(DISTINCT g.repo) AS repos,
  count(DISTINCT g.release_id) AS releases,
  CAST(round(sum(g.downloads_30d * g.w)) AS BIGINT) AS downloads_30d,
  CAST(round(sum(g.downloads_all_time * g.w)) AS BIGINT) AS downloads_all_time,
  CAST(round(sum(g.likes * g.w)) AS BIGINT) AS likes,
  CAST(round(sum(g.finetunes * g.w)) AS BIGINT) AS finetunes,
  CAST(round(sum(g.adapters * g.w)) AS BIGINT) AS adapters,
  CAST(round(sum(g.quantizations * g.w)) AS BIGINT) AS quantizations,
  CAST(round(sum(g.merges * g.w)) AS BIGINT) AS merges,
  -- Unknown, not zero, when no repo of the group has a derivative count.
  CASE WHEN count(g.finetunes) + count(g.adapters) + count(g.quantizations) + count(g.merges) > 0
    THEN CAST(round(sum((coalesce(g.finetunes, 0) + coalesce(g.adapters, 0) + coalesce(g.quantizations, 0) + coalesce(g.merges, 0)) * g.w)) AS BIGINT) END AS derivatives
FROM grouped g
LEFT JOIN organizations org ON $by = 'org' AND org.id = g.grp
LEFT JOIN countries c ON $by = 'country' AND c.code = g.grp
GROUP BY g.grp, g.period
ORDER BY g.period, downloads_30d DESC NULLS LAST, "group"
