import { stringify } from 'yaml';
import { fail, keep, parseJsonBody, type Fetched, type Rejected, type StageOptions, type StageResult } from './stage.js';

/**
 * The Model Openness Tool's API, turned into the models/*.yml files the mot importer reads.
 *
 * The live form, read from github.com/lfai/model_openness_tool (read 2026-12-03): API.md
 * documents `GET /api/v1/models?page=N&limit=M` (1-based pages, 100 a page by default) answering
 * `{ "pager": { total_items, total_pages, current_page }, "models": [...] }`;
 * web/modules/mof/src/Plugin/rest/resource/ModelEntityResourceV1.php builds each element as
 * ModelSerializer::toJson plus `classification` (id, class, label, progress), and
 * web/modules/mof/src/ModelSerializer.php normalize() is the very array that toYaml writes to
 * models/<name>.yml (scripts/generate-models.php): `{ framework, release: { name, version,
 * date, type, architecture, origin, producer, contact, repository, huggingface, license:
 * { <kind>: { name, path } }, components: [{ name, description, license?, ... }] } }`. So
 * each API record is written back as the YAML file of the same name; `contact` (an e-mail
 * address) is left out, and `classification` too: the tool's class is derived from the
 * components, which we assess ourselves. The site is https://mot.isitopen.ai (its README).
 */
export const MOT_API = 'https://mot.isitopen.ai/api/v1/models?page=1&limit=100';
/** A listing longer than this many pages is treated as a runaway pager, not read to the end. */
const MAX_PAGES = 200;

const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const pagerOf = (body: Buffer) => {
  const json = parseJsonBody(body);
  const pager = json.ok && isObject(json.value) && isObject(json.value.pager) ? json.value.pager : undefined;
  return pager && typeof pager.current_page === 'number' && typeof pager.total_pages === 'number' ? { current: pager.current_page, total: pager.total_pages } : undefined;
};

/** The next page to ask for, from the pager of the one just read; undefined at the end. */
export function nextMotPage(url: string, page: Fetched, fetched: number): string | undefined {
  const pager = pagerOf(page.body);
  const next = new URL(url);
  // A pager that did not move to the page asked for would be followed forever: stop, and let
  // the stage see the repeated page and refuse the listing.
  const asked = Number(next.searchParams.get('page') ?? 1);
  if (!pager || pager.current !== asked || pager.current >= pager.total || fetched >= MAX_PAGES) return undefined;
  next.searchParams.set('page', String(pager.current + 1));
  return next.href;
}

/** A file name from a release name, as generate-models.php names them, without path separators. */
const fileName = (name: string) => `${name.replace(/[/\\\0]/g, '-').replace(/^\.+/, '_')}.yml`;

export function stageMot(pages: Fetched[], opts: StageOptions): StageResult {
  const rejected: Rejected[] = [];
  const valid: { file: string; yaml: string; date?: string }[] = [];
  const names = new Set<string>();
  let n = 0;
  let totalItems: number | undefined;
  const seenPages = new Set<number>();
  for (const [i, page] of pages.entries()) {
    const json = parseJsonBody(page.body, `page ${i + 1}`);
    if (!json.ok) return json;
    const doc = json.value;
    if (!isObject(doc) || !Array.isArray(doc.models) || !isObject(doc.pager)) return fail(`page ${i + 1}: expected an object with "pager" and "models", as /api/v1/models returns`);
    const current = Number(doc.pager.current_page);
    if (seenPages.has(current)) return fail(`page ${i + 1}: the pager repeats page ${current}; the listing cannot be read whole`);
    seenPages.add(current);
    if (typeof doc.pager.total_items === 'number') totalItems = doc.pager.total_items;
    for (const m of doc.models as unknown[]) {
      n++;
      const release = isObject(m) && isObject(m.release) ? m.release : undefined;
      const name = typeof release?.name === 'string' ? release.name.trim() : '';
      if (!release || !name) {
        rejected.push({ record: n, reason: 'no "release" with a "name"' });
        continue;
      }
      if (release.components !== undefined && !Array.isArray(release.components)) {
        rejected.push({ record: n, reason: `${name}: "components" must be a list` });
        continue;
      }
      const file = fileName(name);
      if (names.has(file.toLowerCase())) {
        rejected.push({ record: n, reason: `${name}: a second model of the same name` });
        continue;
      }
      names.add(file.toLowerCase());
      const { contact: _contact, ...kept } = release;
      valid.push({ file, yaml: stringify({ framework: (m as Record<string, unknown>).framework, release: kept }), date: typeof release.date === 'string' ? release.date : undefined });
    }
  }
  // A pager that stops early (or pages that shrank while read) would look like a dataset that
  // lost models: an incomplete listing is not imported.
  if (totalItems !== undefined && n < totalItems) return fail(`the listing says ${totalItems} models but its ${pages.length} page(s) hold ${n}; it cannot be read whole (a budget too small for its pages, or pages that changed while read)`);
  const { kept, filtered, notes } = keep(valid, opts, (r) => r.date);
  return {
    ok: true,
    value: { files: Object.fromEntries(kept.map((r) => [`models/${r.file}`, r.yaml])), importPath: '.', received: n, kept: kept.length, rejected, filtered, notes, about: { pages: pages.length, ...(totalItems !== undefined ? { total_items: totalItems } : {}) } },
  };
}
