import { atPath, snapshotOf, type Importer } from '../importer.js';
import { readCsv } from '../csv.js';
import { latest } from '../text.js';
import { EPOCH_DATE_KIND, parseEpochRows } from './parse.js';

/**
 * Epoch AI, "Notable AI Models": the same fields as the full view under the same names, in a
 * later snapshot (to 2025-12-31 in the reference copy), so it adds the models of late 2025. Run
 * after the full view: its rows about models the full view created become observations.
 */
export const epochNotableImporter: Importer = {
  id: 'epoch-notable',
  description: 'Epoch AI "Notable AI Models" CSV (notable_ai_models.csv)',
  locate: atPath('epoch', 'notable_ai_models.csv'),
  async read(file, opts) {
    const rows = readCsv(await opts.fs.readText(file));
    opts.progress?.(rows.length, rows.length);
    const parsed = parseEpochRows(rows);
    return {
      dataset: {
        sourceId: 'epoch-notable-ai-models',
        title: 'Notable AI Models',
        url: 'https://epoch.ai/data/notable-ai-models',
        publisher: 'Epoch AI',
        license: 'CC-BY-4.0',
        // The file carries no snapshot date: its latest publication date is the earliest it can be.
        snapshot: snapshotOf(opts.snapshot, latest(rows.map((r) => (r['Publication date'] ?? '').slice(0, 10)))),
        dateKind: EPOCH_DATE_KIND,
      },
      releases: parsed.releases,
      scores: [],
      orgs: parsed.orgs,
      skipped: parsed.skipped,
    };
  },
};
