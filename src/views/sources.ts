import type { Db } from '../store/db.js';
import { queries } from '../store/queries.js';

export const sourcesView = (db: Db) => queries.sources(db);
