-- Openness per lab or per country per period, as of a date (aperture trends).
-- "Open weights" means downloadable weights, with or without a click-through (open-weights or
-- gated-weights). By lab (or by group, with rollup) a release counts once; by country a release
-- of a lab with n countries counts 1/n for each (a joint US/FR lab: half in each), so the
-- countries' counts add up to the releases.
WITH grouped AS (
  SELECT * FROM ap_trend_releases($as_of, $by, $period, $since, $org, $country, $rollup)
)
SELECT
  g.grp AS "group",
  any_value(coalesce(o.name, c.name)) AS group_name,
  g.period,
  round(sum(g.weight), 2) AS releases,
  round(coalesce(sum(g.weight) FILTER (WHERE g.weights_available), 0), 2) AS open_weights,
  round(coalesce(sum(g.weight) FILTER (WHERE g.weights_available), 0) / sum(g.weight), 4) AS open_share,
  round(coalesce(sum(g.weight) FILTER (WHERE g.flagship), 0), 2) AS flagships,
  round(coalesce(sum(g.weight) FILTER (WHERE g.flagship AND g.weights_available), 0), 2) AS open_flagships,
  -- The period's latest flagship: how it can be reached, its license and its rubric results.
  arg_max({'id': g.id, 'name': g.name, 'org': g.org_id, 'date': g.date_text, 'access': g.access_summary, 'open_weights': g.weights_available,
           'license': g.license_id, 'mof_class': a.mof_class, 'osai_score': a.osai_score}, (g.date, g.id))
    FILTER (WHERE g.flagship) AS flagship
FROM grouped g
LEFT JOIN openness a ON a.release_id = g.id
LEFT JOIN organizations o ON $by = 'org' AND o.id = g.grp
LEFT JOIN countries c ON $by = 'country' AND c.code = g.grp
WHERE g.period IS NOT NULL
GROUP BY g.grp, g.period
ORDER BY g.grp, g.period
