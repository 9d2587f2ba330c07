import { parse } from 'yaml';
import type { UpstreamAdoption } from '../../domain/index.js';
import { hubReposIn } from '../text.js';
import { hubFigures } from './figures.js';

interface CitedPage {
  url?: unknown;
  shows?: unknown;
  accessed?: unknown;
}

/** The score sections whose cited pages may carry Hub figures, in order of trust for this use. */
const SECTIONS = ['adoption', 'openness', 'capability'] as const;

/**
 * Hub adoption figures in one score file of the Open Source AI Map (sources/scores/<product>.yaml):
 * every cited Hugging Face model page whose note gives a figure, dated by the day it was read.
 * A repo read twice on one day keeps the figures of the first section that gives each one.
 */
export function parseScoreFile(text: string, product: string): UpstreamAdoption[] {
  const doc = parse(text) as Record<string, { sources?: CitedPage[] } | undefined> | null;
  if (!doc || typeof doc !== 'object') return [];
  const byRepoDay = new Map<string, UpstreamAdoption>();
  for (const section of SECTIONS) {
    for (const page of doc[section]?.sources ?? []) {
      if (typeof page.url !== 'string' || typeof page.shows !== 'string') continue;
      const date = typeof page.accessed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(page.accessed) ? page.accessed : undefined;
      // A figure without the day it was read cannot be placed in time.
      if (!date) continue;
      const repo = modelRepo(page.url);
      if (!repo) continue;
      const f = hubFigures(page.shows);
      const derivatives = { finetunes: f.finetunes, adapters: f.adapters, quantizations: f.quantizations, merges: f.merges };
      const found: UpstreamAdoption = {
        repo, name: product, date, url: page.url,
        ...(f.downloads30d !== undefined ? { downloads30d: f.downloads30d } : {}),
        ...(f.likes !== undefined ? { likes: f.likes } : {}),
        ...(Object.values(derivatives).some((v) => v !== undefined) ? { derivatives: defined(derivatives) } : {}),
      };
      if (found.downloads30d === undefined && found.likes === undefined && !found.derivatives) continue;
      const key = `${repo.toLowerCase()}\0${date}`;
      const seen = byRepoDay.get(key);
      // The earlier section's figures win; a figure only the later one gives is added.
      byRepoDay.set(key, seen ? { ...found, ...seen } : found);
    }
  }
  return [...byRepoDay.values()];
}

/** The repo of a Hugging Face model page URL (not a dataset, Space or doc page), else undefined. */
export function modelRepo(url: string): string | undefined {
  if (!/^https?:\/\/(www\.)?huggingface\.co\/[^/]+\/[^/?#]+/.test(url)) return undefined;
  return hubReposIn(url)[0];
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
