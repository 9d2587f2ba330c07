import path from 'node:path';
import { snapshotOf, type Importer } from '../importer.js';
import { readCsv } from '../csv.js';
import { EPOCH_DATE_KIND, parseEpochRows } from './parse.js';
import { latest } from '../text.js';

/**
 * Epoch AI, "Data on AI Models" (the full view CSV): organization, country, publication date,
 * parameters, accessibility. CC-BY-4.0: every imported fact cites the dataset.
 */
export const epochImporter: Importer = {
  id: 'epoch',
  description: 'Epoch AI "Data on AI Models" CSV (all_ml_systems_full_view*.csv)',
  async locate(dir, fs) {
    const files = (await fs.list(path.join(dir, 'epoch')).catch(() => [])).filter((f) => /^all_ml_systems.*\.csv$/.test(f));
    return files.length ? path.join(dir, 'epoch', files[files.length - 1]!) : undefined;
  },
  async read(file, opts) {
    const rows = readCsv(await opts.fs.readText(file));
    opts.progress?.(rows.length, rows.length);
    const parsed = parseEpochRows(rows);
    // The full-view export names its snapshot date in the file name.
    const snapshot = snapshotOf(opts.snapshot, /(\d{4}-\d{2}-\d{2})/.exec(path.basename(file))?.[1] ?? latest(rows.map((r) => (r['Last modified'] ?? '').slice(0, 10))));
    return {
      dataset: {
        sourceId: 'epoch-ai-models',
        title: 'Data on AI Models',
        url: 'https://epoch.ai/data/ai-models',
        publisher: 'Epoch AI',
        license: 'CC-BY-4.0',
        snapshot,
        dateKind: EPOCH_DATE_KIND,
      },
      releases: parsed.releases,
      scores: [],
      orgs: parsed.orgs,
      skipped: parsed.skipped,
    };
  },
};
