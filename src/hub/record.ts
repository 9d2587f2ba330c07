import { declaredParents } from './relations.js';

/** One model repo of a listing, reduced to what lineage and attribution need. */
export interface HubRecord {
  /** Lowercased repo id (the Hub compares ids case-insensitively). */
  id: string;
  /** Lowercased uploader namespace: `author`, else the part of the id before `/`, else "". */
  namespace: string;
  /** YYYY-MM of createdAt (UTC), "" when absent. */
  month: string;
  downloads: number;
  downloadsAllTime: number;
  parents: string[];
  relations: number[];
}

/** Reads one listing object; a string says what is wrong with it. */
export function toRecord(v: unknown): HubRecord | string {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'expected a JSON object with an "id"';
  const o = v as Record<string, unknown>;
  const rawId = o.id ?? o.modelId;
  if (typeof rawId !== 'string' || !rawId.trim()) return 'id: expected a non-empty string';
  const id = rawId.trim().toLowerCase();
  const downloads = count(o.downloads, 'downloads');
  if (typeof downloads === 'string') return downloads;
  const all = count(o.downloadsAllTime, 'downloadsAllTime');
  if (typeof all === 'string') return all;
  if (o.tags !== undefined && o.tags !== null && (!Array.isArray(o.tags) || o.tags.some((t) => typeof t !== 'string'))) return 'tags: expected a list of strings';
  const month = monthOf(o.createdAt);
  if (month === null) return `createdAt: expected an ISO date, got ${JSON.stringify(o.createdAt)}`;
  const author = typeof o.author === 'string' && o.author ? o.author.toLowerCase() : undefined;
  const slash = id.indexOf('/');
  const card = o.cardData && typeof o.cardData === 'object' ? (o.cardData as Record<string, unknown>).base_model : undefined;
  const { parents, relations } = declaredParents(o.tags as string[] | undefined, card);
  return { id, namespace: author ?? (slash > 0 ? id.slice(0, slash) : ''), month, downloads, downloadsAllTime: all, parents, relations };
}

function count(v: unknown, field: string): number | string {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  if (typeof v === 'bigint' && v >= 0n) return Number(v);
  return `${field}: expected a count (a number from 0), got ${JSON.stringify(typeof v === 'bigint' ? String(v) : v)}`;
}

/**
 * YYYY-MM, "" when absent, null when unreadable. The Hub writes UTC timestamps (`...Z`), so the
 * month is the first seven characters, as the SQL baseline reads it too.
 */
export function monthOf(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 7);
  if (typeof v !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])/.test(v)) return null;
  return v.slice(0, 7);
}
