-- The newest observation of a measure known as of a date (also when no release is in scope).
SELECT strftime(max(date), '%Y-%m-%d') AS newest
FROM capability_observations
WHERE measure = $measure AND ap_known_on(date, ap_precision(date_text)) <= CAST($as_of AS DATE)
