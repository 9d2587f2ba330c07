-- Events linked to one organization, oldest first.
SELECT e.id, e.date_text AS date, e.kind, e.title
FROM events e JOIN event_orgs eo ON eo.event_id = e.id
WHERE eo.org_id = $id
ORDER BY e.date, e.id
