-- Upstream names no release could be tied to (aperture unmatched).
SELECT upstream, name, org, reason, candidates, detail, rows, file, line
FROM unmatched
WHERE ($upstream IS NULL OR upstream = $upstream)
  AND ($reason IS NULL OR reason = $reason)
ORDER BY upstream, reason, rows DESC, org, name
