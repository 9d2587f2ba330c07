import { csvText, fail, keep, parseJsonBody, type Fetched, type Rejected, type StageOptions, type StageResult } from './stage.js';

/**
 * models.dev's published api.json, as the importer of provider listings reads it.
 *
 * The live form, read from the generator in github.com/anomalyco/models.dev (read 2026-12-03):
 * packages/web/script/build.ts writes `dist/api.json` as `JSON.stringify(Providers)`, and
 * packages/web/src/server.ts serves the same object at `/api.json`; `Providers` is
 * `generate(<repo>/providers)` (packages/core/src/generate.ts): an object keyed by provider id,
 * each `{ id, name, env, npm, api?, doc, models }`, `models` keyed by the model's path under
 * `providers/<id>/models/` without `.toml`, each the provider file's fields (schema.ts: name,
 * family, attachment, reasoning, tool_call, release_date, last_updated, modalities,
 * open_weights, cost, limit, status, ...). A provider file that inherits a lab-level file
 * (`base_model = "<lab>/<model>"`) is merged with it, keeping `base_model` (older generators
 * wrote `canonical_model_id` instead) and leaving out the lab file's benchmarks, license, links
 * and weights. So api.json is the provider listings (what providers_flat.csv flattens, one row
 * per provider model file), not the lab-level files: the `models-dev` importer's benchmarks,
 * licenses and weights links are not published in it, and that importer still needs a clone.
 */
export const MODELS_DEV_COLUMNS = ['provider', 'model_id', 'name', 'family', 'base_model', 'release_date', 'last_updated', 'open_weights', 'reasoning', 'knowledge', 'context', 'input_modalities', 'output_modalities', 'cost_input', 'cost_output', 'status'];

const DATE = /^\d{4}-\d{2}(-\d{2})?$/;
const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
/** providers_flat.csv spells booleans as Python does. */
const flag = (v: unknown) => (v === true ? 'True' : v === false ? 'False' : '');
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('|') : '');

function invalid(m: Record<string, unknown>): string | undefined {
  if (typeof m.name !== 'string' || !m.name.trim()) return '"name" must be a non-empty text';
  if (m.release_date !== undefined && (typeof m.release_date !== 'string' || !DATE.test(m.release_date))) return `"release_date" must be YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(m.release_date)}`;
  if (m.open_weights !== undefined && typeof m.open_weights !== 'boolean') return `"open_weights" must be true or false, got ${JSON.stringify(m.open_weights)}`;
  return undefined;
}

export function stageModelsDev(pages: Fetched[], opts: StageOptions): StageResult {
  const json = parseJsonBody(pages[0]!.body);
  if (!json.ok) return json;
  if (!isObject(json.value)) return fail('expected an object keyed by provider id, as models.dev/api.json is');
  const rejected: Rejected[] = [];
  const rows: { cells: string[]; date?: string }[] = [];
  let n = 0;
  for (const [providerId, provider] of Object.entries(json.value)) {
    if (!isObject(provider) || !isObject(provider.models)) {
      rejected.push({ record: ++n, reason: `provider "${providerId}": expected an object with "models"` });
      continue;
    }
    for (const [modelId, model] of Object.entries(provider.models)) {
      n++;
      const why = isObject(model) ? invalid(model) : 'not an object';
      if (why) {
        rejected.push({ record: n, reason: `${providerId}/${modelId}: ${why}` });
        continue;
      }
      const m = model as Record<string, unknown>;
      const modalities = isObject(m.modalities) ? m.modalities : {};
      const limit = isObject(m.limit) ? m.limit : {};
      const cost = isObject(m.cost) ? m.cost : {};
      rows.push({
        date: typeof m.release_date === 'string' ? m.release_date : undefined,
        cells: [providerId, modelId, str(m.name), str(m.family), str(m.base_model ?? m.canonical_model_id), str(m.release_date), str(m.last_updated), flag(m.open_weights), flag(m.reasoning), str(m.knowledge), str(limit.context), list(modalities.input), list(modalities.output), str(cost.input), str(cost.output), str(m.status)],
      });
    }
  }
  if (n === 0) return fail('the response lists no providers');
  const { kept, filtered, notes } = keep(rows, opts, (r) => r.date);
  return {
    ok: true,
    value: { files: { 'providers_flat.csv': csvText(MODELS_DEV_COLUMNS, kept.map((r) => r.cells)) }, importPath: 'providers_flat.csv', received: n, kept: kept.length, rejected, filtered, notes, about: { providers: Object.keys(json.value).length } },
  };
}
