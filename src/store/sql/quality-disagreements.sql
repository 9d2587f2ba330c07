-- Where a peer index's judgment and our component fact point opposite ways (aperture quality).
-- Unknown on our side is a gap, not a disagreement; EOSAI's `partial` and MOT's "not an open
-- license" never disagree on availability. Kinds:
--   they-open-we-closed      they say open (EOSAI open, or MOT lists an open license), we say closed or documented only
--   they-closed-we-released  they say closed (EOSAI closed, or MOT says not included), we say open, gated or restricted;
--                            not for EOSAI's `paper`, which asks for a peer-reviewed paper: a preprint is still our research paper
--   license-differs          MOT gives the component its own license, we record another one
--   they-judge-closed        EOSAI grades a model card or datasheet closed that we record as released: the index
--                            grades documentation by its adequacy, so this is a prompt to look, not a contradiction
SELECT * FROM (
  SELECT
    o.component_release_id AS release, r.org_id AS org, o.component, o.peer, o.source_id AS source, o.entry,
    o.parameter, o.says AS theirs, o.license AS their_license, o.license_text AS their_license_text,
    o.license_from AS their_license_from, o.url AS their_url,
    c.status AS ours, c.license AS our_license, c.url AS our_url, c.source_id AS our_source,
    CASE
      WHEN o.says = 'open' AND c.status IN ('closed', 'documented-only') THEN 'they-open-we-closed'
      WHEN o.says = 'closed' AND c.status IN ('open', 'gated', 'restricted') AND o.peer = 'osai-index' AND o.parameter IN ('modelcard', 'datasheet') THEN 'they-judge-closed'
      WHEN o.says = 'closed' AND c.status IN ('open', 'gated', 'restricted') AND NOT (o.peer = 'osai-index' AND o.parameter = 'paper') THEN 'they-closed-we-released'
      WHEN o.license_from = 'component' AND o.license IS NOT NULL AND c.license IS NOT NULL
        AND c.status IN ('open', 'gated', 'restricted')
        AND NOT list_contains(string_split(regexp_replace(c.license, '[()]', '', 'g'), ' '), o.license) THEN 'license-differs'
    END AS kind,
    o.file, o.line
  FROM peer_observations o
  JOIN components c ON c.release_id = o.component_release_id AND c.component = o.component
  JOIN releases r ON r.id = o.component_release_id
  WHERE ($org IS NULL OR r.org_id = $org)
)
WHERE kind IS NOT NULL
ORDER BY release, component, peer, entry
