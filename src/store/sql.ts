import { sqlLoader } from '../lib/sql-files.js';

/** The text of a named SQL file in src/store/sql/ (read once). */
export const sqlFile = sqlLoader(new URL('./sql/', import.meta.url));
