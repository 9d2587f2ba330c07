import type { UpstreamRelease } from '../../domain/index.js';
import { atPath, snapshotOf, type Importer } from '../importer.js';
import { readCsv } from '../csv.js';
import { latest } from '../text.js';

/**
 * models.dev provider listings (`providers/*\/models/**.toml`, flattened to one CSV row per
 * file): which providers serve a model, with models.dev's release date and open-weights flag.
 * A listing that points at a lab-level file (`base_model`) only repeats that file and is
 * skipped; the others add observations to releases they match. A catalog never creates
 * releases, and its unmatched names (endpoints, aliases) stay out of the unmatched report.
 *
 * Listings describe an endpoint more than a model: their dates are often when the provider
 * added it, and `open_weights = false` often only means this provider serves it by API. So a
 * listing contributes only the positive claim that the weights are published, never a date.
 */
export function parseProviderRows(rows: Record<string, string>[]): { releases: UpstreamRelease[]; skipped: Record<string, number> } {
  const skipped: Record<string, number> = {};
  const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);
  const seen = new Set<string>();
  const releases: UpstreamRelease[] = [];
  for (const row of rows) {
    if (row['base_model']?.trim()) {
      skip('repeats a lab-level file');
      continue;
    }
    const id = row['model_id']?.trim() ?? '';
    const name = row['name']?.trim() || id.split('/').pop() || '';
    const owner = id.includes('/') ? id.split('/')[0]! : '';
    const key = `${owner}\0${name.toLowerCase()}`;
    if (row['open_weights']?.trim() !== 'True') {
      skip('no open-weights claim');
      continue;
    }
    if (!name || seen.has(key)) {
      if (name) skip('listed by several providers');
      continue;
    }
    seen.add(key);
    const flag = row['open_weights']?.trim();
    releases.push({
      name,
      orgNames: owner ? [owner] : [],
      access: flag === 'True' ? ['open-weights'] : undefined,
      hfRepos: [],
      creates: false,
      quiet: true,
    });
  }
  return { releases, skipped };
}

export const modelsDevProvidersImporter: Importer = {
  id: 'models-dev-providers',
  description: 'models.dev provider listings flattened to CSV (providers_flat.csv)',
  locate: atPath('models.dev', 'providers_flat.csv'),
  async read(file, opts) {
    const rows = readCsv(await opts.fs.readText(file));
    opts.progress?.(rows.length, rows.length);
    const parsed = parseProviderRows(rows);
    return {
      dataset: {
        sourceId: 'models-dev-providers',
        title: 'models.dev provider listings',
        url: 'https://github.com/anomalyco/models.dev/tree/dev/providers',
        publisher: 'models.dev',
        license: 'MIT',
        snapshot: snapshotOf(opts.snapshot, latest(rows.map((r) => r['last_updated']))),
      },
      releases: parsed.releases,
      scores: [],
      orgs: [],
      skipped: parsed.skipped,
    };
  },
};
