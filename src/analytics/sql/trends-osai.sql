-- Mean Open Source AI Index score (0-1) per lab or country per period, as of a date (aperture trends --metric).
SELECT CASE WHEN $by = 'org' THEN r.org_id ELSE oc.country END AS grp,
  ap_period(r.date, r.date_precision, $period) AS period,
  round(avg(a.osai_score), 4) AS mean_score, count(*) AS scored
FROM ap_releases($as_of) r
JOIN org_countries oc ON oc.org_id = r.org_id AND ($by = 'country' OR oc.is_primary)
JOIN openness a ON a.release_id = r.id
WHERE ($since IS NULL OR r.date >= CAST($since AS DATE))
  AND ($org IS NULL OR r.org_id = $org)
  AND ($country IS NULL OR oc.country = $country)
GROUP BY ALL
