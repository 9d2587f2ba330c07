-- Releases per Model Openness Framework class (3 open model, 2 open tooling, 1 open science) per lab or country per period, as of a date (aperture trends --metric).
SELECT g.grp, g.period,
  count(*) FILTER (WHERE a.mof_class = 3) AS class_3, count(*) FILTER (WHERE a.mof_class = 2) AS class_2,
  count(*) FILTER (WHERE a.mof_class = 1) AS class_1, count(*) FILTER (WHERE a.mof_class IS NULL) AS unclassed
FROM ap_trend_releases($as_of, $by, $period, $since, $org, $country) g
JOIN openness a ON a.release_id = g.id
GROUP BY ALL
