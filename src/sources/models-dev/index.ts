import path from 'node:path';
import { atPath, snapshotOf, type Importer } from '../importer.js';
import { latest } from '../text.js';
import { parseModelsDevFile } from './parse.js';

/**
 * models.dev lab-level model files (`models/<lab>/<model>.toml`): release dates, open_weights,
 * weights URLs, benchmarks with their source and date. MIT licensed.
 */
export const modelsDevImporter: Importer = {
  id: 'models-dev',
  description: 'models.dev lab-level TOML files (a folder of <lab>/<model>.toml)',
  locate: atPath('models.dev', 'models'),
  async read(folder, opts) {
    const files = (await opts.fs.list(folder)).filter((f) => /^[^/]+\/[^/]+\.toml$/.test(f));
    const parsed = [];
    let done = 0;
    for (const rel of files) {
      const [lab, name] = rel.split('/') as [string, string];
      parsed.push({ rel, lab, modelId: name.replace(/\.toml$/, ''), text: await opts.fs.readText(path.join(folder, rel)) });
      opts.progress?.(++done, files.length);
    }
    // Without a given snapshot date, the newest date in the files is the latest the data can be;
    // a first pass finds it (its scores' fallback date is not used), the second dates undated scores.
    const first = opts.snapshot ? undefined : parsed.map((f) => parseModelsDevFile(f, ''));
    const snapshot = snapshotOf(opts.snapshot, first && latest(first.flatMap((p) => [p.updated, ...p.scores.map((s) => s.date)])));
    const results = parsed.map((f) => parseModelsDevFile(f, snapshot));
    return {
      dataset: {
        sourceId: 'models-dev',
        title: 'models.dev: an open-source database of AI models',
        url: 'https://github.com/anomalyco/models.dev',
        publisher: 'models.dev',
        license: 'MIT',
        snapshot,
        // `release_date`: when the model became available, not its paper.
        dateKind: 'launch',
      },
      releases: results.map((r) => r.release),
      scores: results.flatMap((r) => r.scores),
      orgs: [],
      skipped: {},
    };
  },
};
