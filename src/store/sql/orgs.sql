-- Organizations with release counts and their open-weights share (aperture orgs, /labs).
SELECT
  o.id, o.name, o.kind, o.country,
  (SELECT string_agg(country, ',' ORDER BY NOT is_primary, country) FROM org_countries WHERE org_id = o.id) AS countries,
  o.parent_id AS parent,
  count(r.id) AS releases,
  count(r.id) FILTER (WHERE r.weights_available) AS open_weights,
  arg_min(r.date_text, r.date) AS first_release,
  arg_max(r.date_text, r.date) AS latest_release
FROM organizations o
LEFT JOIN releases r ON r.org_id = o.id
WHERE ($country IS NULL OR EXISTS (SELECT 1 FROM org_countries oc WHERE oc.org_id = o.id AND oc.country = $country))
GROUP BY ALL
ORDER BY releases DESC, o.id
