import type { Command } from 'commander';
import { CliError } from '../../../lib/errors.js';
import type { CliIO } from '../io.js';
import { registerHubSynth } from './hub-synth.js';
import { registerHubIngest } from './hub-ingest.js';
import { registerHubCrawl } from './hub-crawl.js';
import { registerHubUnknown } from './hub-unknown.js';

/** The whole-Hub commands: crawl or synthesize a listing, ingest it, curate what maps to no lab. */
export function registerHub(program: Command, io: CliIO): void {
  const hub = program
    .command('hub')
    .description('the whole Hugging Face Hub: crawl or synthesize listings, ingest them into lineage and attribution aggregates (.aperture/hub/)')
    .option('--hub-dir <dir>', 'where snapshots, hub.duckdb and the Parquet lake live (default: .aperture/hub, or $APERTURE_HUB)');
  registerHubSynth(hub, io);
  registerHubIngest(hub, io);
  registerHubCrawl(hub, io);
  registerHubUnknown(hub, io);
}

export const wholeNumber = (flag: string, min = 1) => (text: string) => {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) throw new CliError(`${flag}: expected a whole number from ${min}, got "${text}"`);
  return n;
};

export const isoDay = (flag: string) => (text: string) => {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
  if (!ok) throw new CliError(`${flag}: expected a day as YYYY-MM-DD, got "${text}"`);
  return text;
};
