import type { Db } from '../db.js';

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_EXTENSION: Record<ExportFormat, string> = { csv: 'csv', json: 'json', ndjson: 'ndjson', parquet: 'parquet' };

const COPY_OPTIONS: Record<ExportFormat, string> = {
  csv: "FORMAT csv, HEADER true",
  json: 'FORMAT json, ARRAY true',
  ndjson: 'FORMAT json',
  // zstd keeps snapshots small; DuckDB writes the column types of the query, which are the
  // declared types of the schema files, so the Parquet schema only changes when they do.
  parquet: 'FORMAT parquet, COMPRESSION zstd',
};

const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Writes the rows of a query to a file with DuckDB's own writers (one writer per file). */
export async function copyQuery(db: Db, select: string, file: string, format: ExportFormat): Promise<void> {
  await db.run(`COPY (${select}) TO ${quoteText(file)} (${COPY_OPTIONS[format]})`);
}

/** Every permanent table of the database, by name (temporary tables a session made are left out). */
export async function baseTables(db: Db): Promise<string[]> {
  const rows = await db.all<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY table_name");
  return rows.map((r) => r.name);
}

export interface Column {
  name: string;
  type: string;
}

/** The columns a query returns, with DuckDB's type names, without running it over the data. */
export async function queryColumns(db: Db, select: string): Promise<Column[]> {
  const rows = await db.all<{ column_name: string; column_type: string }>(`DESCRIBE ${select}`);
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

/** Loads a Parquet file as a table, keeping its column types and row order. */
export async function loadParquet(db: Db, table: string, file: string): Promise<void> {
  await db.run(`CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM read_parquet(${quoteText(file)})`);
}
