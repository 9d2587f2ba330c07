-- The whole-Hub adoption of the latest snapshot on or before $as_of, by country or organization,
-- under each attribution rule: credited repos, downloads and derivatives (non-root repos).
WITH snap AS (SELECT max(snapshot) AS s FROM hub_snapshots WHERE snapshot <= $as_of::DATE),
cells AS (
  SELECT rule, country AS grp, relation, repos, downloads_30d, downloads_all_time FROM hub_country WHERE $by = 'country' AND snapshot = (SELECT s FROM snap)
  UNION ALL
  SELECT rule, org, relation, repos, downloads_30d, downloads_all_time FROM hub_org WHERE $by = 'org' AND snapshot = (SELECT s FROM snap)
)
SELECT strftime((SELECT s FROM snap), '%Y-%m-%d') AS snapshot, rule, grp AS "group",
       round(sum(repos), 2) AS repos,
       CAST(round(sum(downloads_30d)) AS BIGINT) AS downloads_30d,
       CAST(round(sum(downloads_all_time)) AS BIGINT) AS downloads_all_time,
       round(sum(repos) FILTER (WHERE relation <> 'root'), 2) AS derivatives,
       round(sum(downloads_30d) / sum(sum(downloads_30d)) OVER (PARTITION BY rule), 4) AS share_30d
FROM cells
WHERE $rule = 'both' OR rule = $rule
GROUP BY rule, grp
ORDER BY rule, downloads_30d DESC, grp;
