import path from 'node:path';
import { atPath, snapshotOf, type Importer } from '../importer.js';
import { parseEciTable, parseSeries, seriesSnapshot } from './parse.js';

/**
 * Epoch AI, Epoch Capabilities Index: a folder with eci_scores.csv (ECI and its 90% interval per
 * model) and, optionally, benchmark_series.json (Epoch's frontier series per benchmark).
 * CC-BY-4.0: every score cites Epoch AI. The CSV gives no date; the series file's
 * `last_updated` dates the snapshot, else --snapshot must.
 */
export const epochEciImporter: Importer = {
  id: 'epoch-eci',
  description: 'Epoch AI Capabilities Index (a folder with eci_scores.csv and optionally benchmark_series.json)',
  locate: atPath('epoch-eci'),
  async read(folder, opts) {
    const table = path.join(folder, 'eci_scores.csv');
    const seriesFile = path.join(folder, 'benchmark_series.json');
    if (!(await opts.fs.exists(table))) throw new Error(`${table}: not found; expected a folder holding Epoch's eci_scores.csv`);
    const seriesText = (await opts.fs.exists(seriesFile)) ? await opts.fs.readText(seriesFile) : undefined;
    const snapshot = snapshotOf(opts.snapshot, seriesText ? seriesSnapshot(seriesText) : undefined);
    const eci = parseEciTable(await opts.fs.readText(table), snapshot);
    const series = seriesText ? parseSeries(seriesText, snapshot) : { scores: [], skipped: {} };
    opts.progress?.(1, 1);
    return {
      dataset: {
        sourceId: 'epoch-eci',
        title: 'Epoch Capabilities Index',
        url: 'https://epoch.ai/benchmarks/eci',
        publisher: 'Epoch AI',
        license: 'CC-BY-4.0',
        snapshot,
      },
      releases: [],
      scores: [...eci.scores, ...series.scores],
      orgs: [],
      skipped: { ...(eci.skipped ? { 'ECI rows without a score': eci.skipped } : {}), ...series.skipped },
    };
  },
};
