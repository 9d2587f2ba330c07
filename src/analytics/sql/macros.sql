-- Macros shared by the analytics queries, defined per connection by prepare() in ../sql.ts.

-- The last day a written date can denote: "2025-12" -> 2025-12-31, "2025" -> 2025-12-31. A fact
-- counts as known on a date only when it surely happened by then, so a release dated only
-- "2025-12" is not part of the picture as of 2025-12-04.
CREATE OR REPLACE TEMP MACRO ap_known_on(d, prec) AS
  CASE prec WHEN 'day' THEN d WHEN 'month' THEN last_day(d) ELSE make_date(year(d), 12, 31) END;

-- Precision of a written date (observations keep only their text).
CREATE OR REPLACE TEMP MACRO ap_precision(date_text) AS
  CASE length(date_text) WHEN 10 THEN 'day' WHEN 7 THEN 'month' ELSE 'year' END;

-- The period a dated fact falls in; NULL when the date is too coarse for the period (a release
-- known only by its year has no quarter).
CREATE OR REPLACE TEMP MACRO ap_period(d, prec, period) AS
  CASE
    WHEN period = 'year' THEN strftime(d, '%Y')
    WHEN prec = 'year' THEN NULL
    WHEN period = 'half' THEN strftime(d, '%Y') || '-H' || CASE WHEN month(d) <= 6 THEN '1' ELSE '2' END
    WHEN period = 'quarter' THEN strftime(d, '%Y') || '-Q' || quarter(d)
    WHEN period = 'month' THEN strftime(d, '%Y-%m')
  END;

-- The top of an organization's parent chain: the group a by-lab analysis rolls it up to.
CREATE OR REPLACE TEMP MACRO ap_group(org) AS
  coalesce((SELECT ancestor_id FROM org_ancestors WHERE org_id = org AND group_root), org);

-- Releases known as of a date, with their lab, its group (top parent) and its primary country.
-- Access and license are those of the date (release_states: a release whose weights came out
-- later is closed before that day, one relicensed later keeps its first license until then).
-- API endpoint aliases (release_endpoints) are one model under another name: never counted.
CREATE OR REPLACE TEMP MACRO ap_releases(as_of) AS TABLE
  WITH state AS (
    SELECT release_id, arg_max(s, s.seq) AS s
    FROM release_states s
    WHERE ap_known_on(s.date, s.date_precision) <= CAST(as_of AS DATE)
    GROUP BY release_id
  )
  SELECT r.* REPLACE (st.s.access_summary AS access_summary, st.s.weights_available AS weights_available, st.s.license_id AS license_id),
    ap_known_on(r.date, r.date_precision) AS known_on, o.name AS org_name, o.country AS org_country,
    ap_group(r.org_id) AS group_id, (SELECT name FROM organizations WHERE id = ap_group(r.org_id)) AS group_name
  FROM releases r JOIN organizations o ON o.id = r.org_id JOIN state st ON st.release_id = r.id
  WHERE ap_known_on(r.date, r.date_precision) <= CAST(as_of AS DATE)
    AND r.id NOT IN (SELECT release_id FROM release_endpoints);

-- The releases a trend counts, as of a date, each with its group and period: by lab (or, with
-- rollup, by the lab's group) once; by country a release of a lab with n countries counts 1/n
-- for each (weight), so the countries' counts add up to the releases. Filters: releases since a
-- date, one lab (with rollup, every lab of its group), one country (each NULL = all).
CREATE OR REPLACE TEMP MACRO ap_trend_releases(as_of, by_group, per, since_date, only_org, only_country, rollup) AS TABLE
  SELECT CASE WHEN by_group = 'org' THEN (CASE WHEN rollup THEN r.group_id ELSE r.org_id END) ELSE oc.country END AS grp,
    ap_period(r.date, r.date_precision, per) AS period,
    CASE WHEN by_group = 'org' THEN 1.0 ELSE 1.0 / (SELECT count(*) FROM org_countries x WHERE x.org_id = r.org_id) END AS weight,
    r.*
  FROM ap_releases(as_of) r
  JOIN org_countries oc ON oc.org_id = r.org_id AND (by_group = 'country' OR oc.is_primary)
  WHERE (since_date IS NULL OR r.date >= CAST(since_date AS DATE))
    AND (only_org IS NULL OR r.org_id = only_org OR (rollup AND r.group_id = ap_group(only_org)))
    AND (only_country IS NULL OR oc.country = only_country);

-- Events known as of a date.
CREATE OR REPLACE TEMP MACRO ap_events(as_of) AS TABLE
  SELECT e.*, ap_known_on(e.date, e.date_precision) AS known_on
  FROM events e
  WHERE ap_known_on(e.date, e.date_precision) <= CAST(as_of AS DATE);

-- Each release's score on one measure as of a date: the mean of its observations on the latest
-- day it was observed, on or before the date. Observations older than max_age days before
-- fresh_to (the as-of date, or the end of the period a claim compares) are left out, so a rating
-- from an old leaderboard snapshot does not pass for current: the window counts back from the
-- date asked about, never from the measure's newest observation (which would let a measure that
-- stopped being updated look fresh forever). Scores of different measures are never mixed or
-- rescaled.
CREATE OR REPLACE TEMP MACRO ap_scores(as_of, m, max_age, fresh_to) AS TABLE
  WITH obs AS (
    SELECT c.release_id, c.value, c.date, c.source_id
    FROM capability_observations c
    WHERE c.measure = m
      AND ap_known_on(c.date, ap_precision(c.date_text)) <= CAST(as_of AS DATE)
      AND c.release_id IN (SELECT id FROM ap_releases(as_of))
  ), fresh AS (
    SELECT * FROM obs WHERE date >= CAST(fresh_to AS DATE) - to_days(CAST(max_age AS INTEGER))
  ), latest AS (
    SELECT release_id, max(date) AS date FROM fresh GROUP BY release_id
  )
  SELECT f.release_id, avg(f.value) AS value, strftime(l.date, '%Y-%m-%d') AS observed,
    string_agg(DISTINCT f.source_id, ',' ORDER BY f.source_id) AS sources
  FROM fresh f JOIN latest l ON l.release_id = f.release_id AND l.date = f.date
  GROUP BY f.release_id, l.date;

-- The countries of an organization, primary first.
CREATE OR REPLACE TEMP MACRO ap_countries(org) AS
  (SELECT list(country ORDER BY NOT is_primary, country) FROM org_countries WHERE org_id = org);

-- Size classes for comparing adoption among releases of similar size (total parameters).
CREATE OR REPLACE TEMP MACRO ap_size_class(params) AS
  CASE
    WHEN params IS NULL THEN 'unknown'
    WHEN params < 3e9 THEN 'under 3B'
    WHEN params < 10e9 THEN '3B-10B'
    WHEN params < 40e9 THEN '10B-40B'
    WHEN params < 150e9 THEN '40B-150B'
    ELSE '150B and up'
  END;

-- The organization a Hub repo belongs to: its release's lab, else the lab owning the namespace.
CREATE OR REPLACE TEMP MACRO ap_repo_org(release, repo) AS
  coalesce(
    (SELECT org_id FROM releases WHERE id = release),
    (SELECT min(org_id) FROM org_names WHERE kind = 'hf-namespace' AND lower(name) = lower(split_part(repo, '/', 1)))
  );
