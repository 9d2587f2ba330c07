-- Releases per Model Openness Framework class (3 open model, 2 open tooling, 1 open science) per lab or country per period, as of a date (aperture trends --metric).
SELECT CASE WHEN $by = 'org' THEN r.org_id ELSE oc.country END AS grp,
  ap_period(r.date, r.date_precision, $period) AS period,
  count(*) FILTER (WHERE a.mof_class = 3) AS class_3, count(*) FILTER (WHERE a.mof_class = 2) AS class_2,
  count(*) FILTER (WHERE a.mof_class = 1) AS class_1, count(*) FILTER (WHERE a.mof_class IS NULL) AS unclassed
FROM ap_releases($as_of) r
JOIN org_countries oc ON oc.org_id = r.org_id AND ($by = 'country' OR oc.is_primary)
JOIN openness a ON a.release_id = r.id
WHERE ($since IS NULL OR r.date >= CAST($since AS DATE))
  AND ($org IS NULL OR r.org_id = $org)
  AND ($country IS NULL OR oc.country = $country)
GROUP BY ALL
