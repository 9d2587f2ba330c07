-- One organization (aperture org <id>).
SELECT o.id, o.name, o.kind, o.country, o.parent_id AS parent, o.url, o.file, o.line,
  (SELECT list(country ORDER BY NOT is_primary, country) FROM org_countries WHERE org_id = o.id) AS countries,
  (SELECT list(name ORDER BY name) FROM org_names WHERE org_id = o.id AND kind = 'alias') AS aliases,
  (SELECT list(name ORDER BY name) FROM org_names WHERE org_id = o.id AND kind = 'hf-namespace') AS hf_namespaces
FROM organizations o WHERE o.id = $id
