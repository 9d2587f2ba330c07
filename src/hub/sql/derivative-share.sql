-- The share of all derivatives (every relation but root) built on each country's models.
INSERT INTO hub_derivative_share
SELECT snapshot, rule, country, sum(repos) AS derivatives,
       sum(repos) / sum(sum(repos)) OVER (PARTITION BY snapshot, rule) AS share
FROM hub_country
WHERE snapshot = $snapshot AND relation <> 'root'
GROUP BY snapshot, rule, country;
