-- Releases whose date is too coarse for the period (a year-only date in quarterly trends).
SELECT count(*) AS n
FROM ap_releases($as_of) r
WHERE ap_period(r.date, r.date_precision, $period) IS NULL
  AND ($since IS NULL OR r.date >= CAST($since AS DATE))
  AND ($org IS NULL OR r.org_id = $org OR ($rollup AND r.group_id = ap_group($org)))
  AND ($country IS NULL OR EXISTS (SELECT 1 FROM org_countries oc WHERE oc.org_id = r.org_id AND oc.country = $country))
