import { duckdb } from './duckdb.js';
import type { Db } from './db.js';
import type { Row } from './rows.js';

const { dateValue, DuckDBTypeId } = duckdb;

/**
 * Bulk-loads rows with DuckDB's appender, column by column in the table's declared order, so
 * the schema file stays the single description of each table.
 */
export async function appendRows(db: Db, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = (await db.all<{ name: string }>(`SELECT column_name AS name FROM duckdb_columns() WHERE table_name = $1 ORDER BY column_index`, [table])).map((c) => c.name);
  const appender = await db.connection.createAppender(table);
  const types = columns.map((_, i) => appender.columnType(i).typeId);
  for (const row of rows) {
    columns.forEach((col, i) => {
      const v = row[col];
      if (v === null || v === undefined) return appender.appendNull();
      switch (types[i]) {
        case DuckDBTypeId.VARCHAR:
          return appender.appendVarchar(String(v));
        case DuckDBTypeId.DOUBLE:
          return appender.appendDouble(Number(v));
        case DuckDBTypeId.INTEGER:
          return appender.appendInteger(Number(v));
        case DuckDBTypeId.BIGINT:
          return appender.appendBigInt(BigInt(Math.round(Number(v))));
        case DuckDBTypeId.BOOLEAN:
          return appender.appendBoolean(Boolean(v));
        case DuckDBTypeId.DATE: {
          const [y, m, d] = String(v).split('-').map(Number);
          return appender.appendDate(dateValue({ year: y!, month: m!, day: d! }));
        }
        default:
          throw new Error(`appendRows: column ${table}.${col} has a type the loader does not handle`);
      }
    });
    appender.endRow();
  }
  appender.closeSync();
}
