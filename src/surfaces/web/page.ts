import type { z } from 'zod';
import type { Db } from '../../store/db.js';
import type { Html } from './html.js';

/** A row of a CSV twin: scalar cells; arrays are joined, objects written as JSON. */
export type CsvRow = Record<string, unknown>;

/** What a page's renderer knows about the request, beyond its data. */
export interface RenderContext {
  /** The path of this page without suffix or query, e.g. `/releases/llama-3.1-8b`. */
  path: string;
  /** The validated query, for forms and links that keep the current filters. */
  query: Record<string, unknown>;
  /** The raw query string (with `?`), or '' when there is none. */
  search: string;
  /** Prefixes a site path with the base path the dashboard is served or exported under. */
  href(path: string): string;
  /** True when rendering for the static export (no server behind query strings). */
  static: boolean;
}

/**
 * One page of the dashboard: its data is loaded once, then rendered as HTML, JSON or CSV.
 * The server turns every page into `path`, `path.json`, `path.csv` and `/api` routes; the
 * OpenAPI description and the static export are read off the same list.
 */
export interface Page<Q = any, D = any> {
  /** Stable name, used as the OpenAPI operationId. */
  name: string;
  /** `/releases`, or `/releases/:id` for a page per record. */
  path: string;
  summary: string;
  /** Label in the main navigation; pages without one are reached by links. */
  nav?: string;
  /** What one record is called in messages: `no release with id "x"`. */
  noun?: string;
  /** How the `:id` of the path is validated (default: a lowercase slug, as record ids are). */
  id?: z.ZodType<string>;
  /** Query parameters that may be repeated (checkbox groups); any other given twice is an error. */
  multi?: readonly string[];
  /** The query string, validated; unknown parameters are rejected. */
  query: z.ZodType<Q>;
  /** The page's data; undefined means "no such record" (404). */
  load(db: Db, query: Q, id: string | undefined): Promise<D | undefined>;
  /**
   * For a page whose query partly only orders and cuts one result (sort, page, size): those
   * parameters, the result without them (`base` must not read them), and the page's data cut
   * from it. The server caches `base` once per the other parameters; `load` stays the whole.
   */
  slice?: PageSlice<Q, D>;
  title(data: D): string;
  render(data: D, ctx: RenderContext): Html;
  /** The JSON twin's data, when it should differ from what the page renders (default: the data). */
  json?(data: D): unknown;
  /** The tabular part of the page, for the CSV twin. */
  csv(data: D): CsvRow[];
  /** The CSV header when there are no rows to read it from (an empty filter result). */
  csvColumns?: readonly string[];
  /** Compute every record's page when the server starts (few records, slow analyses: claims). */
  warm?: boolean;
  /** Ids of every record with a page, for the static export of `/things/:id` pages. */
  ids?(db: Db): Promise<string[]>;
  /** Paths of pages worth exporting with a query (e.g. one releases page per facet value). */
  exportQueries?(db: Db): Promise<string[]>;
}

export interface PageSlice<Q, D, B = any> {
  params: readonly (keyof Q & string)[];
  base(db: Db, query: Q, id: string | undefined): Promise<B | undefined>;
  data(base: B, query: Q): D;
}

/** Identity with inference: lets each page file declare its types once. */
export const definePage = <Q, D>(page: Page<Q, D>): Page<Q, D> => page;
