import { DuckDBInstance } from '@duckdb/node-api';
import { declaredParents } from './relations.js';
import type { HubRecord } from './record.js';
import { MAX_LISTED, type ReadStats } from './read-ndjson.js';

/** Columns a Parquet listing may have (the hub-stats dumps' names), and the types each accepts. */
const COLUMNS: Record<string, RegExp> = {
  id: /^VARCHAR$/,
  author: /^VARCHAR$/,
  createdAt: /^(VARCHAR|DATE|TIMESTAMP.*)$/,
  downloads: /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DOUBLE|FLOAT|DECIMAL.*)$/,
  downloadsAllTime: /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DOUBLE|FLOAT|DECIMAL.*)$/,
  tags: /^VARCHAR\[\]$/,
};

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Reads a Parquet listing with DuckDB, which also narrows the tags to the base_model ones so
 * only what lineage needs crosses into JavaScript, as one string per row. A missing or mistyped column is an error
 * naming it; a row without an id is a bad record counted by its row number.
 */
export async function readParquet(file: string, onRecord: (r: HubRecord) => void, stats: ReadStats): Promise<string | undefined> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const src = `read_parquet(${sqlString(file)})`;
    let described: Record<string, unknown>[];
    try {
      described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`)).getRowObjectsJS();
    } catch (error) {
      return `not a readable Parquet file (${firstLine(error)})`;
    }
    const types = new Map(described.map((r) => [String(r.column_name), String(r.column_type)]));
    if (!types.has('id')) return `no "id" column (found: ${[...types.keys()].join(', ')}); expected the hub-stats columns id, author, createdAt, downloads, downloadsAllTime, tags`;
    for (const [col, type] of types) {
      const want = COLUMNS[col];
      if (want && !want.test(type)) return `column "${col}" is ${type}; expected ${col === 'tags' ? 'a list of strings' : col === 'id' || col === 'author' ? 'text' : col === 'createdAt' ? 'a date or timestamp' : 'a number'}`;
    }
    const has = (c: string) => types.has(c);
    const sql = `SELECT lower(id) AS id,
        lower(${has('author') ? 'author' : 'NULL'}) AS author,
        ${has('createdAt') ? "substr(CAST(createdAt AS VARCHAR), 1, 7)" : 'NULL'} AS month,
        ${has('downloads') ? 'CAST(downloads AS DOUBLE)' : '0'} AS downloads,
        ${has('downloadsAllTime') ? 'CAST(downloadsAllTime AS DOUBLE)' : '0'} AS downloads_all,
        ${has('tags') ? "array_to_string(list_filter(tags, t -> starts_with(t, 'base_model:')), chr(10))" : 'NULL'} AS bm
      FROM ${src}`;
    const result = await conn.stream(sql);
    let row = 0;
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      const [ids, authors, months, dls, alls, bms] = chunk.getColumns() as [string[], (string | null)[], (string | null)[], (number | null)[], (number | null)[], (string | null)[]];
      for (let i = 0; i < ids.length; i++) {
        row++;
        const id = ids[i];
        const dl = dls[i] ?? 0, all = alls[i] ?? 0;
        const problem = !id ? 'id: missing' : dl < 0 ? 'downloads: negative' : all < 0 ? 'downloadsAllTime: negative' : undefined;
        if (problem) {
          stats.bad++;
          if (stats.badLines.length < MAX_LISTED) stats.badLines.push({ file, line: row, message: `row ${row}: ${problem}` });
          continue;
        }
        const slash = id!.indexOf('/');
        // Joined by newline in SQL: one string per row crosses over instead of a list object.
        const bm = bms[i];
        const { parents, relations } = declaredParents(bm ? bm.split('\n') : undefined, undefined);
        stats.records++;
        onRecord({ id: id!, namespace: authors[i] || (slash > 0 ? id!.slice(0, slash) : ''), month: months[i] ?? '', downloads: dl, downloadsAllTime: all, parents, relations });
      }
    }
    return undefined;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
