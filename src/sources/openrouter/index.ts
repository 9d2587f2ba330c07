import path from 'node:path';
import { snapshotOf, type Importer } from '../importer.js';
import { parseOpenRouter } from './parse.js';

/** OpenRouter GET /api/v1/models, saved as JSON: API availability and Hub ids of served models. */
export const openRouterImporter: Importer = {
  id: 'openrouter',
  description: 'OpenRouter models API response saved as JSON',
  async locate(dir, fs) {
    const files = (await fs.list(path.join(dir, 'openrouter')).catch(() => [])).filter((f) => /\.json$/.test(f));
    return files.length ? path.join(dir, 'openrouter', files[files.length - 1]!) : undefined;
  },
  async read(file, opts) {
    const releases = parseOpenRouter(JSON.parse(await opts.fs.readText(file)));
    opts.progress?.(releases.length, releases.length);
    return {
      dataset: {
        sourceId: 'openrouter-models-api',
        title: 'OpenRouter models API (/api/v1/models)',
        url: 'https://openrouter.ai/api/v1/models',
        publisher: 'OpenRouter',
        license: 'API output (facts only)',
        snapshot: snapshotOf(opts.snapshot, /(\d{4}-\d{2}-\d{2})/.exec(path.basename(file))?.[1]),
      },
      releases,
      scores: [],
      orgs: [],
      skipped: {},
    };
  },
};
