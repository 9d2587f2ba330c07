import type { Db } from './db.js';
import { sqlFile } from './sql.js';

/**
 * Typed wrappers over the named SQL files in ./sql. Each wrapper names its parameters; a
 * missing filter is passed as NULL, which the SQL reads as "no filter".
 */
export interface ReleaseFilters {
  org?: string;
  country?: string;
  access?: string;
  since?: string;
  until?: string;
  q?: string;
}

/** `q=%` or `q=_` must match those characters, not everything: LIKE's wildcards are escaped (ESCAPE '\\' in the SQL). */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);

export const queries = {
  stats: (db: Db) => db.one(sqlFile('stats')),
  releases: (db: Db, f: ReleaseFilters) =>
    db.all(sqlFile('releases'), {
      org: orNull(f.org), country: orNull(f.country), access: orNull(f.access),
      since: orNull(f.since), until: orNull(f.until), q: orNull(f.q === undefined ? undefined : likeLiteral(f.q)),
    }),
  release: (db: Db, id: string) => db.one(sqlFile('release'), { id }),
  releaseComponents: (db: Db, id: string) => db.all(sqlFile('release-components'), { id }),
  recordSources: (db: Db, kind: string, id: string) => db.all(sqlFile('record-sources'), { kind, id }),
  orgs: (db: Db, f: { country?: string }) => db.all(sqlFile('orgs'), { country: orNull(f.country) }),
  org: (db: Db, id: string) => db.one(sqlFile('org'), { id }),
  orgEvents: (db: Db, id: string) => db.all(sqlFile('org-events'), { id }),
  licenses: (db: Db) => db.all(sqlFile('licenses')),
  license: (db: Db, id: string) => db.one(sqlFile('license'), { id }),
  sources: (db: Db) => db.all(sqlFile('sources')),
};

export const assessmentQueries = {
  releaseAssessments: (db: Db, id: string, rubric?: string) =>
    db.all<{ rubric: string; version: string; summary: string; result_json: string }>(sqlFile('release-assessments'), { id, rubric: orNull(rubric) }),
};
