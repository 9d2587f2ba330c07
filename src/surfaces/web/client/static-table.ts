/**
 * On a static export the server is not there to read `?country=CN&sort=name`, so the page
 * holds every release and this script applies the query: the same filters, sort and form
 * values the server would have rendered. Rows carry their values as data attributes.
 */
const FILTERS = ['q', 'country', 'org', 'access', 'type', 'license', 'since', 'until', 'flagship'] as const;

function matches(row: HTMLElement, q: URLSearchParams): boolean {
  const d = row.dataset;
  const get = (k: string) => q.get(k) ?? '';
  if (get('q') && !(d.name ?? '').includes(get('q').toLowerCase())) return false;
  if (get('country') && d.country !== get('country').toUpperCase()) return false;
  if (get('org') && d.org !== get('org')) return false;
  if (get('access') && !(d.access ?? '').split(' ').includes(get('access'))) return false;
  if (get('type') && d.type !== get('type')) return false;
  if (get('license') && d.license !== get('license')) return false;
  if (get('flagship') && d.flagship !== get('flagship')) return false;
  if (get('since') && (d.date ?? '') < get('since')) return false;
  // `until 2024` includes all of 2024: compare on the prefix the user wrote.
  if (get('until') && (d.date ?? '').slice(0, get('until').length) > get('until')) return false;
  return true;
}

const ACCESS_RANK: Record<string, number> = { 'open-weights': 0, 'gated-weights': 1, api: 2, 'hosted-app': 3, none: 4 };

function sortKey(row: HTMLTableRowElement, by: string): string | number {
  const d = row.dataset;
  switch (by) {
    case 'params': return d.params ? Number(d.params) : -1;
    case 'access': return ACCESS_RANK[(d.access ?? '').split(' ')[0] ?? ''] ?? 9;
    case 'name': return row.cells[1]?.textContent?.toLowerCase() ?? '';
    case 'org': return row.cells[2]?.textContent?.toLowerCase() ?? '';
    default: return d[by] ?? '';
  }
}

export function applyStaticTable(): void {
  const table = document.getElementById('releases-table') as HTMLTableElement | null;
  const body = table?.tBodies[0];
  if (!table || !body) return;
  const q = new URLSearchParams(location.search);
  const rows = Array.from(body.rows);
  let shown = 0;
  for (const row of rows) {
    const keep = matches(row, q);
    row.hidden = !keep;
    if (keep) shown++;
  }
  const by = q.get('sort') ?? 'date';
  const order = q.get('order') ?? (by === 'date' || by === 'params' ? 'desc' : 'asc');
  if (by !== 'date' || order !== 'desc') {
    const sign = order === 'asc' ? 1 : -1;
    rows
      .sort((a, b) => {
        const ka = sortKey(a, by);
        const kb = sortKey(b, by);
        return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign;
      })
      .forEach((r) => body.appendChild(r));
  }
  table.querySelectorAll('th[data-sort]').forEach((th) => {
    if (th.getAttribute('data-sort') === by) th.setAttribute('aria-sort', order === 'asc' ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  });
  const form = document.querySelector<HTMLFormElement>('form.filters');
  for (const name of [...FILTERS, 'sort', 'order']) {
    const input = form?.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (input && q.has(name)) input.value = q.get(name) ?? '';
  }
  const filtered = FILTERS.some((k) => q.get(k));
  const count = document.getElementById('result-count');
  if (count && filtered) count.textContent = `Showing ${shown} of ${rows.length} releases.`;
  // Facet counts describe the unfiltered export; hide them rather than show wrong numbers.
  if (filtered) document.querySelectorAll<HTMLElement>('.facets .count').forEach((c) => (c.hidden = true));
}
