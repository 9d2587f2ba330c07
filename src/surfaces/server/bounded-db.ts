import type { Db } from '../../store/db.js';
import { HttpError } from './errors.js';

/**
 * Resource limits of the server's DuckDB: one hostile request must not take the machine. Memory
 * and spill space are capped (a query past them fails, and answers an error, instead of growing
 * to 20 GB), and two threads leave the other cores to the HTTP work. `connections` queries run
 * side by side, each on a connection of its own, so a query stopped at its time limit is the
 * only one interrupted.
 */
export const SERVER_DB_LIMITS = { memoryLimit: '1GB', threads: 2, maxTempDirectorySize: '2GB', queryTimeoutMs: 10_000, connections: 4 };

export async function limitDb(db: Db, limits = SERVER_DB_LIMITS): Promise<void> {
  await db.run(`SET memory_limit = '${limits.memoryLimit}'`);
  await db.run(`SET threads = ${limits.threads}`);
  await db.run(`SET max_temp_directory_size = '${limits.maxTempDirectorySize}'`);
}

/** Connections to one database, lent to one piece of work at a time. */
export interface DbPool {
  /**
   * Runs `work` with a connection no other work uses meanwhile (waiting for a free one), every
   * query of it bounded in time: past the limit that connection alone is interrupted and the
   * query answers 503. The connection is lent again once `work` and its queries have settled.
   */
  use<T>(work: (db: Db) => Promise<T>): Promise<T>;
  readonly size: number;
  /** Closes the connections the pool opened (not the database it was given). */
  close(): void;
}

interface Member {
  db: Db;
  /** Queries started and not yet settled, including ones past their time limit. */
  running: number;
}

export async function dbPool(db: Db, opts: { connections?: number; timeoutMs?: number } = {}): Promise<DbPool> {
  const timeoutMs = opts.timeoutMs ?? SERVER_DB_LIMITS.queryTimeoutMs;
  const size = db.connect ? Math.max(1, opts.connections ?? SERVER_DB_LIMITS.connections) : 1;
  const opened: Db[] = [];
  for (let i = 1; i < size; i++) opened.push(await db.connect!());
  const free: Member[] = [db, ...opened].map((d) => ({ db: d, running: 0 }));
  const waiting: ((m: Member) => void)[] = [];

  const acquire = () => new Promise<Member>((resolve) => (free.length ? resolve(free.shift()!) : waiting.push(resolve)));
  const release = (m: Member) => {
    const next = waiting.shift();
    if (next) next(m);
    else free.push(m);
  };

  return {
    size,
    close: () => {
      for (const d of opened) d.close();
    },
    use: async (work) => {
      const member = await acquire();
      const lease = leased(member, timeoutMs);
      try {
        return await work(lease.db);
      } finally {
        // A query past its limit is still stopping: the connection is lent again once it has.
        lease.end().then(() => release(member), () => release(member));
      }
    },
  };
}

function leased(member: Member, timeoutMs: number): { db: Db; end(): Promise<void> } {
  let ended = false;
  let settled: () => void = () => {};
  const idle = () => member.running === 0 && settled();
  const bound = <T>(work: () => Promise<T>): Promise<T> => {
    // A query issued after the work settled (a sibling branch of a failed Promise.all) must not
    // run on a connection that may already be lent to someone else.
    if (ended) return Promise.reject(new Error('the request this query belonged to has ended'));
    member.running++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        member.db.connection.interrupt();
        reject(new HttpError(503, `the query took longer than ${timeoutMs / 1000} s and was stopped; try a narrower request`, [], { 'retry-after': '10' }));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        member.running--;
        idle();
      };
      work().then(
        (v) => (done(), resolve(v)),
        (e) => (done(), reject(e)),
      );
    });
  };
  const d = member.db;
  return {
    db: {
      connection: d.connection,
      close: () => {},
      all: (sql, params) => bound(() => d.all(sql, params)),
      one: (sql, params) => bound(() => d.one(sql, params)),
      run: (sql, params) => bound(() => d.run(sql, params)),
    },
    end: () => {
      ended = true;
      return new Promise<void>((resolve) => {
        settled = resolve;
        idle();
      });
    },
  };
}
