import type { Db } from '../store/db.js';

export type RubricMetric = 'mof-class' | 'osai-score';

/**
 * Rubric results per trend group and period, read from the `assessments` table the build
 * writes (one row per release). Column names are looked up rather than assumed, so a table that
 * spells them `mof_class` / `osai_score` is read as is.
 */
export async function rubricMetric(
  db: Db,
  metric: RubricMetric,
  p: { as_of: string; by: string; period: string; org: string | null; country: string | null; since: string | null },
): Promise<Map<string, Record<string, number | null>>> {
  const columns = new Set((await db.all<{ name: string }>(`SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'assessments'`)).map((c) => c.name));
  const column = metric === 'mof-class' ? ['mof_class', 'mof'].find((c) => columns.has(c)) : ['osai_score', 'osai'].find((c) => columns.has(c));
  const key = ['release_id', 'release'].find((c) => columns.has(c));
  if (!column || !key) return new Map();
  const value =
    metric === 'mof-class'
      ? `count(*) FILTER (WHERE a.${column} = 3) AS class_3, count(*) FILTER (WHERE a.${column} = 2) AS class_2, count(*) FILTER (WHERE a.${column} = 1) AS class_1, count(*) FILTER (WHERE a.${column} IS NULL) AS unclassed`
      : `round(avg(a.${column}), 4) AS mean_score, count(a.${column}) AS scored`;
  const rows = await db.all<Record<string, unknown>>(
    `SELECT CASE WHEN $by = 'org' THEN r.org_id ELSE oc.country END AS grp, ap_period(r.date, r.date_precision, $period) AS period, ${value}
     FROM ap_releases($as_of) r
     JOIN org_countries oc ON oc.org_id = r.org_id AND ($by = 'country' OR oc.is_primary)
     JOIN assessments a ON a.${key} = r.id
     WHERE ($since IS NULL OR r.date >= CAST($since AS DATE)) AND ($org IS NULL OR r.org_id = $org) AND ($country IS NULL OR oc.country = $country)
     GROUP BY ALL`,
    p,
  );
  const out = new Map<string, Record<string, number | null>>();
  for (const { grp, period, ...rest } of rows) out.set(`${grp}|${period}`, rest as Record<string, number | null>);
  return out;
}
