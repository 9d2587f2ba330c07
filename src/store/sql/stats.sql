-- Headline counts of the fact base (aperture stats).
SELECT
  (SELECT count(*) FROM releases) AS releases,
  (SELECT count(*) FROM organizations) AS organizations,
  (SELECT count(DISTINCT country) FROM org_countries) AS countries,
  (SELECT count(*) FROM licenses) AS licenses,
  (SELECT count(*) FROM licenses WHERE registered) AS registered_licenses,
  (SELECT count(*) FROM sources) AS sources,
  (SELECT count(*) FROM families) AS families,
  (SELECT strftime(min(date), '%Y-%m-%d') FROM releases) AS earliest_release,
  (SELECT strftime(max(date), '%Y-%m-%d') FROM releases) AS latest_release,
  (SELECT count(DISTINCT record_id) FROM citations WHERE record_kind = 'release') AS releases_with_source,
  (SELECT count(*) FROM releases WHERE weights_available) AS releases_with_weights,
  (SELECT count(*) FROM (
     SELECT release_id FROM components WHERE status <> 'unknown' GROUP BY release_id HAVING count(*) >= 10
   )) AS releases_with_components,
  (SELECT count(*) FROM events) AS events,
  (SELECT count(*) FROM claims) AS claims,
  (SELECT count(*) FROM capability_observations) AS capability_observations,
  (SELECT count(*) FROM adoption_observations) AS adoption_observations,
  (SELECT count(DISTINCT release_id) FROM capability_observations) AS releases_with_capability,
  (SELECT count(*) FROM attribute_observations) AS attribute_observations,
  (SELECT count(*) FROM conflicts WHERE resolved_value IS NULL) AS conflicts,
  (SELECT count(*) FROM conflicts WHERE resolved_value IS NOT NULL) AS resolved_conflicts,
  (SELECT count(*) FROM unmatched) AS unmatched_names,
  (SELECT count(*) FROM peer_observations) AS peer_observations
