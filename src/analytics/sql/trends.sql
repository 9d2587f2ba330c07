-- Openness per lab or per country per period, as of a date (aperture trends).
-- "Open weights" means downloadable weights, with or without a click-through (open-weights or
-- gated-weights). By country, a release counts for every country of its lab (a joint US/FR lab
-- counts in both); by lab, once.
WITH grouped AS (
  SELECT * FROM ap_trend_releases($as_of, $by, $period, $since, $org, $country)
)
SELECT
  g.grp AS "group",
  any_value(coalesce(o.name, c.name)) AS group_name,
  g.period,
  count(*) AS releases,
  count(*) FILTER (WHERE g.weights_available) AS open_weights,
  round(count(*) FILTER (WHERE g.weights_available) / count(*), 4) AS open_share,
  count(*) FILTER (WHERE g.flagship) AS flagships,
  count(*) FILTER (WHERE g.flagship AND g.weights_available) AS open_flagships,
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
