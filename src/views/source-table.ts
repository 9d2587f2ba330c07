import { z } from 'zod';
import type { Db } from '../store/db.js';
import { sourcesView } from './sources.js';

/** The sources list of the dashboard: a text filter and pages over `aperture sources`. */
export const SourceTableParams = z.strictObject({
  q: z.string().min(1).max(200, { error: 'search text is limited to 200 characters' }).optional(),
  page: z.coerce.number({ error: 'expected a page number' }).int().min(1).max(1_000_000).default(1),
  size: z.coerce.number({ error: 'expected a number of rows per page' }).int().min(1).max(10_000).default(100),
});
export type SourceTableParams = z.infer<typeof SourceTableParams>;

/** Parameters that only cut the filtered rows: a server caches the rows without them. */
export const SOURCE_SLICE_PARAMS = ['page', 'size'] as const;

/** The sources matching the text filter, most cited first. */
export async function sourceTableBase(db: Db, params: Pick<SourceTableParams, 'q'>) {
  const all = (await sourcesView(db)) as Record<string, unknown>[];
  const needle = params.q?.toLowerCase();
  return needle ? all.filter((s) => ['id', 'publisher', 'title', 'url'].some((k) => String(s[k] ?? '').toLowerCase().includes(needle))) : all;
}

export function sourceTableSlice(rows: Record<string, unknown>[], params: SourceTableParams) {
  const pages = Math.max(1, Math.ceil(rows.length / params.size));
  return { params, total: rows.length, page: params.page, pages, size: params.size, rows: rows.slice((params.page - 1) * params.size, params.page * params.size), allRows: rows };
}

export async function sourceTableView(db: Db, params: SourceTableParams) {
  return sourceTableSlice(await sourceTableBase(db, params), params);
}
