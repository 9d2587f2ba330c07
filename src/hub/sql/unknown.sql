-- Namespaces that map to no organization in the latest snapshot (or the one asked for), the
-- ones whose downloads weigh most first: the next ones worth curating into data/orgs.
SELECT strftime(u.snapshot, '%Y-%m-%d') AS snapshot, u.namespace, CAST(u.repos AS BIGINT) AS repos,
       CAST(round(u.downloads_30d) AS BIGINT) AS downloads_30d,
       CAST(round(u.credited_downloads_30d) AS BIGINT) AS credited_downloads_30d
FROM hub_unknown u
WHERE u.snapshot = coalesce($snapshot::DATE, (SELECT max(snapshot) FROM hub_snapshots))
ORDER BY greatest(u.credited_downloads_30d, u.downloads_30d) DESC, u.namespace
LIMIT $top;
