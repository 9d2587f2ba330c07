-- Licenses in use or registered, with how many releases use each as their weights license.
SELECT
  l.id, l.name, l.category, l.osi_approved, l.registered, l.spdx, l.hf_tag, l.commercial_use, l.user_threshold,
  l.acceptable_use_policy, l.output_training_limit, l.revocable, l.url,
  (SELECT count(*) FROM releases r WHERE r.license_id = l.id) AS releases
FROM licenses l
ORDER BY releases DESC, l.id
