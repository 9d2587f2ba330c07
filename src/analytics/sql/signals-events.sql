-- Events known as of a date with the labs and releases they concern and their sources.
SELECT
  e.id, e.date_text AS date, strftime(e.date, '%Y-%m-%d') AS day, e.kind, e.title,
  (SELECT list(DISTINCT CASE WHEN $rollup THEN ap_group(org_id) ELSE org_id END) FROM event_orgs eo WHERE eo.event_id = e.id) AS orgs,
  coalesce((SELECT list(release_id ORDER BY release_id) FROM event_releases er WHERE er.event_id = e.id), []) AS releases,
  (SELECT string_agg(source_id, ',' ORDER BY source_id) FROM citations c WHERE c.record_kind = 'event' AND c.record_id = e.id) AS sources
FROM ap_events($as_of) e
WHERE ($org IS NULL OR EXISTS (SELECT 1 FROM event_orgs eo WHERE eo.event_id = e.id AND (CASE WHEN $rollup THEN ap_group(eo.org_id) = ap_group($org) ELSE eo.org_id = $org END)))
ORDER BY e.date, e.id
