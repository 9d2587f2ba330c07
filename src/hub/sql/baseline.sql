-- The whole job as plain DuckDB SQL: the reference the engine is tested against and the
-- baseline it is benchmarked against. Same contract (README "Hub lineage and attribution").
-- Expects tables ns_org(namespace, org), org_country(org, country), fam(repo, family).
CREATE OR REPLACE TEMP TABLE raw AS
SELECT lower(trim(id)) AS id,
       CASE WHEN coalesce(author, '') <> '' THEN lower(author)
            WHEN position('/' IN trim(id)) > 1 THEN split_part(lower(trim(id)), '/', 1)
            ELSE '' END AS ns,
       coalesce(nullif(substr(createdAt, 1, 7), ''), 'unknown') AS month,
       coalesce(downloads, 0) AS dl, coalesce(downloadsAllTime, 0) AS dl_all,
       tags, cardData
FROM read_json({{source}}, format = 'newline_delimited',
  columns = {id: 'VARCHAR', author: 'VARCHAR', createdAt: 'VARCHAR', downloads: 'DOUBLE', downloadsAllTime: 'DOUBLE', tags: 'VARCHAR[]', cardData: 'JSON'});

-- Declared parents: typed tags rank merge 1, adapter 2, quantized 3, finetune 4; a plain tag or
-- cardData.base_model is unknown (5) and only counts when no typed tag names that parent.
CREATE OR REPLACE TEMP TABLE declared AS
WITH tag AS (
  SELECT id AS child, substr(t, 12) AS rest FROM (SELECT id, unnest(tags) AS t FROM raw) WHERE starts_with(t, 'base_model:')
), typed AS (
  SELECT child, rest, split_part(rest, ':', 1) AS rel, position(':' IN rest) AS colon FROM tag
), card AS (
  SELECT id AS child, unnest(CASE json_type(cardData -> '$.base_model')
      WHEN 'VARCHAR' THEN [cardData ->> '$.base_model']
      WHEN 'ARRAY' THEN CAST(cardData -> '$.base_model' AS VARCHAR[])
      ELSE [] END) AS parent
  FROM raw WHERE cardData IS NOT NULL
), all_edges AS (
  SELECT child,
         lower(trim(CASE WHEN colon > 1 AND rel IN ('finetune', 'adapter', 'quantized', 'merge') THEN substr(rest, colon + 1) ELSE rest END)) AS parent,
         CASE WHEN colon > 1 THEN CASE rel WHEN 'merge' THEN 1 WHEN 'adapter' THEN 2 WHEN 'quantized' THEN 3 WHEN 'finetune' THEN 4 ELSE 5 END ELSE 5 END AS rnk
  FROM typed
  UNION ALL SELECT child, lower(trim(parent)), 5 FROM card
)
SELECT child, parent, min(rnk) AS rnk FROM all_edges WHERE parent <> '' GROUP BY child, parent;

-- Edges whose parent is in the snapshot (a missing parent ends the chain at the child).
CREATE OR REPLACE TEMP TABLE e AS
SELECT d.* FROM declared d SEMI JOIN raw r ON r.id = d.parent;

-- The cycle rule: an edge child -> parent lies inside a strongly connected component exactly
-- when the parent reaches the child again (or is the child); such edges are ignored.
CREATE OR REPLACE TEMP TABLE dag AS
WITH RECURSIVE anc(node, up) AS (
  SELECT child, parent FROM e
  UNION
  SELECT anc.node, e.parent FROM anc JOIN e ON e.child = anc.up
)
SELECT e.* FROM e
WHERE e.child <> e.parent AND NOT EXISTS (SELECT 1 FROM anc WHERE anc.node = e.parent AND anc.up = e.child);

-- Roots: the ancestors along the remaining edges that have no parent left.
CREATE OR REPLACE TEMP TABLE roots AS
WITH RECURSIVE up(node, cur) AS (
  SELECT id, id FROM raw
  UNION
  SELECT up.node, dag.parent FROM up JOIN dag ON dag.child = up.cur
)
SELECT node, cur AS root FROM up ANTI JOIN (SELECT DISTINCT child FROM dag) c ON c.child = up.cur;

CREATE OR REPLACE TEMP TABLE repo AS
SELECT r.id, r.ns, r.month, r.dl, r.dl_all,
       coalesce(CASE min(dag.rnk) WHEN 1 THEN 'merge' WHEN 2 THEN 'adapter' WHEN 3 THEN 'quantized' WHEN 4 THEN 'finetune' WHEN 5 THEN 'unknown' END, 'root') AS relation
FROM raw r LEFT JOIN dag ON dag.child = r.id
GROUP BY ALL;

-- One row per (repo, root) with the repo's share 1/k of its k roots.
CREATE OR REPLACE TEMP TABLE credit AS
SELECT repo.*, roots.root, 1.0 / count(*) OVER (PARTITION BY repo.id) AS w,
       coalesce(ro.org, 'unknown') AS root_org, coalesce(f.family, 'unknown') AS root_family
FROM repo JOIN roots ON roots.node = repo.id
JOIN raw rr ON rr.id = roots.root
LEFT JOIN ns_org ro ON ro.namespace = rr.ns
LEFT JOIN fam f ON f.repo = roots.root;

CREATE OR REPLACE TEMP TABLE org_split AS
SELECT org, country, 1.0 / count(*) OVER (PARTITION BY org) AS share FROM org_country
UNION ALL SELECT 'unknown', 'unknown', 1.0;

CREATE OR REPLACE TEMP TABLE out_country AS
SELECT 'root' AS rule, s.country AS key, month, relation, sum(w * share) AS repos, sum(w * share * dl) AS downloads_30d, sum(w * share * dl_all) AS downloads_all_time
FROM credit JOIN org_split s ON s.org = credit.root_org GROUP BY ALL
UNION ALL
SELECT 'uploader', s.country, month, relation, sum(share), sum(share * dl), sum(share * dl_all)
FROM repo LEFT JOIN ns_org o ON o.namespace = repo.ns JOIN org_split s ON s.org = coalesce(o.org, 'unknown') GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE out_org AS
SELECT 'root' AS rule, root_org AS key, month, relation, sum(w) AS repos, sum(w * dl) AS downloads_30d, sum(w * dl_all) AS downloads_all_time
FROM credit GROUP BY ALL
UNION ALL
SELECT 'uploader', coalesce(o.org, 'unknown'), month, relation, count(*), sum(dl), sum(dl_all)
FROM repo LEFT JOIN ns_org o ON o.namespace = repo.ns GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE out_family AS
SELECT 'root' AS rule, root_family AS key, month, relation, sum(w) AS repos, sum(w * dl) AS downloads_30d, sum(w * dl_all) AS downloads_all_time
FROM credit GROUP BY ALL;
