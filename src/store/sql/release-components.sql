-- The 17 MOF components of one release, in the framework's order (class III first).
SELECT c.component, c.status, c.license, c.url, c.source_id AS source, c.declared
FROM components c
WHERE c.release_id = $id
ORDER BY list_position(['model-architecture','model-parameters-final','technical-report','evaluation-results','model-card','data-card','training-code','inference-code','evaluation-code','evaluation-data','supporting-libraries','datasets','data-preprocessing-code','model-parameters-intermediate','research-paper','model-metadata','sample-outputs'], c.component)
