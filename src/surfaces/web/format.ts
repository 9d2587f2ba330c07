import { COMPONENT_BY_ID, countryName, formatParamCount, type ComponentId } from '../../domain/index.js';
import { html, type Html } from './html.js';

/** Words for values shown in tables; one place so the dashboard says things the same way. */
export const ACCESS_LABEL: Record<string, string> = {
  'open-weights': 'open weights',
  'gated-weights': 'gated weights',
  api: 'API',
  'hosted-app': 'hosted app',
  none: 'unreleased',
};

export const STATUS_LABEL: Record<string, string> = {
  open: 'open',
  restricted: 'restricted',
  gated: 'gated',
  'documented-only': 'documented only',
  closed: 'closed',
  unknown: 'unknown',
};

export const accessLabel = (a: unknown): string => ACCESS_LABEL[String(a)] ?? String(a ?? '');
export const params = (n: unknown): string => (typeof n === 'number' ? formatParamCount(n) : 'unknown');
export const componentName = (id: string): string => COMPONENT_BY_ID.get(id as ComponentId)?.name ?? id;

export function country(code: unknown): string {
  if (typeof code !== 'string' || !code) return '';
  return `${countryName(code)} (${code})`;
}

export function percent(part: number, whole: number): string {
  if (!whole) return '—';
  return `${Math.round((part / whole) * 100)}%`;
}

export function yesNo(v: unknown): string {
  return v === true ? 'yes' : v === false ? 'no' : 'unknown';
}

/** A status word with a class for its colour; the word itself carries the meaning. */
export function statusBadge(status: string): Html {
  return html`<span class="status status-${status}">${STATUS_LABEL[status] ?? status}</span>`;
}

export function accessBadge(access: string): Html {
  return html`<span class="access access-${access}">${accessLabel(access)}</span>`;
}

/** An external link (http or https only), marked so eyes know it leaves the site; `fallback` when there is no URL. */
export function extLink(url: unknown, text?: unknown, fallback = ''): Html | string {
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return fallback;
  return html`<a class="ext" href="${url}" rel="noopener noreferrer">${String(text ?? url)}</a>`;
}

export const VERDICT_LABEL: Record<string, string> = {
  supported: 'supported',
  'partly-supported': 'partly supported',
  contradicted: 'contradicted',
  'not-enough-data': 'not enough data',
};

export function verdictBadge(verdict: string): Html {
  return html`<span class="verdict verdict-${verdict}">${VERDICT_LABEL[verdict] ?? verdict}</span>`;
}

/** The middle-ish first day of an analytics period (`2025`, `2025-H1`, `2025-Q3`, `2025-06`), for plotting. */
export function periodStart(period: string): string {
  const y = period.slice(0, 4);
  const q = /^\d{4}-Q(\d)$/.exec(period);
  if (q) return `${y}-${String((Number(q[1]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const h = /^\d{4}-H(\d)$/.exec(period);
  if (h) return `${y}-${h[1] === '1' ? '01' : '07'}-01`;
  if (/^\d{4}-\d{2}$/.test(period)) return `${period}-01`;
  return `${y}-01-01`;
}

/** An OSAI-style grade (open / partial / closed / unknown), coloured like component statuses. */
export function gradeBadge(grade: string): Html {
  const cls = grade === 'partial' ? 'restricted' : grade;
  return html`<span class="status status-${cls}">${grade}</span>`;
}

/**
 * A license expression with each license id linked to its page: `Apache-2.0 OR MIT` links both
 * ids and keeps the operators as text (a whole expression has no page of its own).
 */
export function licenseLinks(expression: unknown, href: (path: string) => string, fallback = 'none stated'): Html | string {
  if (typeof expression !== 'string' || !expression) return fallback;
  const parts = expression.split(/(\s+(?:OR|AND|WITH)\s+|[()])/);
  return html`${parts.map((part) =>
    // `GPL-3.0+` is "GPL-3.0 or later": the page is the base license's.
    /^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(part) ? html`<a href="${href(`/licenses/${part.replace(/\+$/, '')}`)}">${part}</a>` : part,
  )}`;
}
