/** Small readers shared by the peer-index parsers (EOSAI, MOT), whose YAML is hand-written. */

/** A trimmed non-empty string, or undefined (YAML gives numbers, nulls and padded text). */
export function text(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** The value as an http(s) URL, or undefined. */
export function urlOf(v: unknown): string | undefined {
  const t = text(v);
  if (!t || !/^https?:\/\/\S+$/.test(t)) return undefined;
  try {
    new URL(t);
    return t;
  } catch {
    return undefined;
  }
}

/** Evidence links: one URL, a list of them, or nothing; anything that is no URL is dropped. */
export function linksIn(v: unknown): string[] {
  const items = Array.isArray(v) ? v : [v];
  return [...new Set(items.map(urlOf).filter((u): u is string => u !== undefined))];
}

/** Case and punctuation dropped, for telling whether two names are the same model. */
export function nameKeyLoose(name: string | undefined): string {
  return (name ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}
