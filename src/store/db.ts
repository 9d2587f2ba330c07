import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { duckdb } from './duckdb.js';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type PlainRow = Record<string, unknown>;

/**
 * A small handle over a DuckDB connection that returns plain JSON-ready rows: BIGINT becomes a
 * number (counts here are far below 2^53), DATE becomes YYYY-MM-DD.
 */
export interface Db {
  all<T = PlainRow>(sql: string, params?: Params): Promise<T[]>;
  one<T = PlainRow>(sql: string, params?: Params): Promise<T | undefined>;
  run(sql: string, params?: Params): Promise<void>;
  connection: DuckDBConnection;
  close(): void;
  /** Another connection to the same database (closed on its own), for servers running queries side by side. */
  connect?(): Promise<Db>;
}

export async function openDb(file: string, opts: { readOnly?: boolean } = {}): Promise<Db> {
  const instance = await duckdb.DuckDBInstance.create(file, opts.readOnly ? { access_mode: 'READ_ONLY' } : {});
  const db = await connectionDb(instance, () => instance.closeSync());
  db.connect = () => connectionDb(instance, () => {});
  return db;
}

async function connectionDb(instance: DuckDBInstance, closeInstance: () => void): Promise<Db> {
  const connection = await instance.connect();
  const all = async <T>(sql: string, params?: Params): Promise<T[]> => {
    const reader = await connection.runAndReadAll(sql, params as never);
    return reader.getRowObjectsJS().map((row) => normalize(row)) as T[];
  };
  return {
    connection,
    all,
    one: async <T>(sql: string, params?: Params) => (await all<T>(sql, params))[0],
    run: async (sql, params) => {
      await connection.run(sql, params as never);
    },
    close: () => {
      connection.closeSync();
      closeInstance();
    },
  };
}

/** BIGINT arrives as bigint and DATE as Date; counts here are far below 2^53 and dates are days. */
function normalize(row: Record<string, unknown>): PlainRow {
  const out: PlainRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = plain(v);
  return out;
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return isMidnight(v) ? v.toISOString().slice(0, 10) : v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return normalize(v as Record<string, unknown>);
  return v;
}

const isMidnight = (d: Date) => d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
