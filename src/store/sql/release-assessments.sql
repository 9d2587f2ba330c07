-- Every rubric's result for one release, in a fixed reading order (aperture assess, release pages).
SELECT rubric, version, summary, result_json
FROM assessments
WHERE release_id = $id AND ($rubric IS NULL OR rubric = $rubric)
ORDER BY list_position(['license', 'access', 'mof', 'osai', 'osaid', 'profile'], rubric)
