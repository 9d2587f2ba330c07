import type { Db } from '../store/db.js';
import { runQuery } from '../analytics/sql.js';

export interface MeasureRow {
  measure: string;
  releases: number;
  observations: number;
  sources: number;
  first: string;
  last: string;
}

/**
 * The capability measures with scores: date range and counts per measure, for `stats`, the
 * sources page and measure pickers. Its own file so `aperture stats` loads no analytics module.
 */
export const measuresView = (db: Db) => runQuery<MeasureRow>(db, 'measures');
