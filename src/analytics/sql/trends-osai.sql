-- Mean Open Source AI Index score (0-1) per lab or country per period, as of a date (aperture trends --metric).
SELECT g.grp, g.period,
  round(avg(a.osai_score), 4) AS mean_score, count(*) AS scored
FROM ap_trend_releases($as_of, $by, $period, $since, $org, $country, $rollup) g
JOIN openness a ON a.release_id = g.id
GROUP BY ALL
