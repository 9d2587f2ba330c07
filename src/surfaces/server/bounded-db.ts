import type { Db } from '../../store/db.js';
import { HttpError } from './errors.js';

/**
 * Resource limits of the server's DuckDB: one hostile request must not take the machine. Memory
 * and spill space are capped (a query past them fails, and answers an error, instead of growing
 * to 20 GB), and two threads leave the other cores to the HTTP work.
 */
export const SERVER_DB_LIMITS = { memoryLimit: '1GB', threads: 2, maxTempDirectorySize: '2GB', queryTimeoutMs: 10_000 };

export async function limitDb(db: Db, limits = SERVER_DB_LIMITS): Promise<void> {
  await db.run(`SET memory_limit = '${limits.memoryLimit}'`);
  await db.run(`SET threads = ${limits.threads}`);
  await db.run(`SET max_temp_directory_size = '${limits.maxTempDirectorySize}'`);
}

/**
 * The database with a time limit per query: past it the query is interrupted and the request
 * answers 503 with the one error body, so a slow query frees the connection for the others.
 */
export function boundedDb(db: Db, timeoutMs: number): Db {
  const bound = <T>(work: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        db.connection.interrupt();
        reject(new HttpError(503, `the query took longer than ${timeoutMs / 1000} s and was stopped; try a narrower request`, [], { 'retry-after': '10' }));
      }, timeoutMs);
      work().then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e) => (clearTimeout(timer), reject(e)),
      );
    });
  return {
    connection: db.connection,
    close: () => db.close(),
    all: (sql, params) => bound(() => db.all(sql, params)),
    one: (sql, params) => bound(() => db.one(sql, params)),
    run: (sql, params) => bound(() => db.run(sql, params)),
  };
}
