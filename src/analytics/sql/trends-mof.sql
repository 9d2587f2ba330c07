-- Releases per Model Openness Framework class (3 open model, 2 open tooling, 1 open science) per lab or country per period, as of a date (aperture trends --metric).
SELECT g.grp, g.period,
  round(sum(g.weight) FILTER (WHERE a.mof_class = 3), 2) AS class_3, round(sum(g.weight) FILTER (WHERE a.mof_class = 2), 2) AS class_2,
  round(sum(g.weight) FILTER (WHERE a.mof_class = 1), 2) AS class_1, round(sum(g.weight) FILTER (WHERE a.mof_class IS NULL), 2) AS unclassed
FROM ap_trend_releases($as_of, $by, $period, $since, $org, $country, $rollup) g
JOIN openness a ON a.release_id = g.id
GROUP BY ALL
