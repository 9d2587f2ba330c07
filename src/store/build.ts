import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../lib/diagnostic.js';
import { hasErrors } from '../lib/diagnostic.js';
import { fail, ok, type Result } from '../lib/errors.js';
import { loadAndValidate } from '../facts/validate.js';
import type { CheckOptions } from '../facts/checks.js';
import type { FactBase } from '../facts/fact-base.js';
import { dataStat } from '../facts/data-hash.js';
import { SCHEMA_VERSION } from './schema-version.js';
import { openDb } from './db.js';
import { appendRows } from './append.js';
import { factsToRows, type Tables } from './rows.js';
import { sqlFile } from './sql.js';
import { assessmentRows, rubricVersionRows } from './rows-assessments.js';
import { importRows } from './rows-imports.js';
import { historyRows } from './rows-history.js';
import { peerRows } from './rows-peers.js';
import { checkDbTarget, removeStaleTemporaries } from './db-target.js';
import { displayPath } from '../lib/paths.js';
import { noRoom } from '../lib/files.js';

export { SCHEMA_VERSION } from './schema-version.js';

export interface BuildOptions extends CheckOptions {
  dataDir: string;
  dbPath: string;
  cwd?: string;
}

export interface BuildSummary {
  dbPath: string;
  dataHash: string;
  tables: Record<string, number>;
  warnings: Diagnostic[];
}

/**
 * Validates data/ and writes the database atomically: everything goes into a temporary file
 * next to the target, which replaces the target only once complete. Invalid data or a crash
 * mid-build leaves the previous database exactly as it was.
 */
export async function buildDatabase(opts: BuildOptions): Promise<Result<BuildSummary>> {
  // Sizes and times first: if data/ changes while the build reads it, the stored stat is the
  // older one and the next read compares contents, against the hash of the bytes this build
  // read (data/ is read once), so half-new content is never taken as current.
  const refused = await checkDbTarget(opts.dbPath, opts.cwd);
  if (refused) return fail([refused]);
  const stat = await dataStat(opts.dataDir);
  const { facts, diagnostics, hash } = await loadAndValidate(opts.dataDir, opts);
  if (hasErrors(diagnostics)) return fail(diagnostics);
  const tables: Record<string, Tables> = Object.fromEntries(TABLE_SETS.map((set) => [set.schema, set.rows(facts)]));
  try {
    await writeAtomically(opts.dbPath, tables, hash, stat);
  } catch (error) {
    const full = noRoom(error);
    if (!full) throw error;
    const at = full.file ? ` (writing ${displayPath(full.file, opts.cwd)})` : '';
    return fail([{ file: displayPath(opts.dbPath, opts.cwd), line: 1, path: '', severity: 'error', rule: 'disk-full', message: `${full.code === 'ENOSPC' ? 'no space left on the device holding the database' : `${full.reason} (${full.code})`}${at}; the previous database was kept`, hint: 'free some space (or pass --db on another disk) and build again' }]);
  }
  const counts = Object.fromEntries(Object.values(tables).flatMap((set) => Object.entries(set).map(([k, rows]) => [k, rows.length])));
  return ok({ dbPath: opts.dbPath, dataHash: hash, tables: counts, warnings: diagnostics });
}

/**
 * Each part of the database: a schema file in ./sql and the rows that fill its tables. Parts
 * are created in this order; a new concern adds its own entry rather than growing another's.
 */
const TABLE_SETS: ReadonlyArray<{ schema: string; rows: (facts: FactBase) => Tables }> = [
  { schema: 'schema', rows: factsToRows },
  { schema: 'schema-assessments', rows: assessmentRows },
  { schema: 'schema-imports', rows: importRows },
  { schema: 'schema-peers', rows: peerRows },
  { schema: 'schema-history', rows: historyRows },
];

async function writeAtomically(dbPath: string, tables: Record<string, Tables>, hash: string, stat: string): Promise<void> {
  await mkdir(path.dirname(dbPath), { recursive: true });
  await removeStaleTemporaries(dbPath);
  const tmp = `${dbPath}.tmp-${process.pid}-${Date.now()}`;
  try {
    const db = await openDb(tmp);
    try {
      for (const [schema, set] of Object.entries(tables)) {
        await db.run(sqlFile(schema));
        for (const [table, rows] of Object.entries(set)) await appendRows(db, table, rows);
      }
      await appendRows(db, 'build_info', [
        { key: 'data_hash', value: hash },
        { key: 'data_stat', value: stat },
        { key: 'schema_version', value: SCHEMA_VERSION },
        ...rubricVersionRows(),
      ]);
      await db.run('CHECKPOINT');
    } finally {
      db.close();
    }
    // A write-ahead log left beside the old file would be replayed into the new one.
    await rm(`${dbPath}.wal`, { force: true });
    await rename(tmp, dbPath);
  } finally {
    await rm(tmp, { force: true });
    await rm(`${tmp}.wal`, { force: true });
  }
}

