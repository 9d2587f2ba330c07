import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { CliError } from '../../../lib/errors.js';
import { displayPath } from '../../../lib/paths.js';
import { todayIso } from '../../../domain/index.js';
import { crawlHub } from '../../../hub/crawl.js';
import { DEFAULT_HUB_URL } from '../../../sources/hf-hub/index.js';
import type { CliIO } from '../io.js';
import { isoDay, wholeNumber } from './hub.js';
import { hubDirOf, type HubGlobal } from './hub-ingest.js';

export function registerHubCrawl(hub: Command, io: CliIO): void {
  hub
    .command('crawl')
    .description('page through the whole Hub model listing into <hub-dir>/<today>/models.ndjson.gz, visible only when complete')
    .option('--limit <n>', 'stop after this many repos (the snapshot is then a partial listing, said so in its manifest.json)', wholeNumber('--limit'))
    .option('--resume', 'continue an interrupted crawl of the same day from its last page')
    .option('--day <date>', 'the snapshot day (default: today in UTC)', isoDay('--day'))
    .option('--timeout <ms>', 'limit on each request attempt, in milliseconds', wholeNumber('--timeout'), 30_000)
    .option('--hub-url <url>', 'the Hub to read (default: $HF_ENDPOINT or https://huggingface.co)')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', `
Each page (500 repos) is retried on 429 (waiting as Retry-After or RateLimit ask), 5xx, resets,
timeouts and bodies cut short, with backoff. Pages are kept as they arrive, so a crawl that stops
(crash, Ctrl-C, a page that keeps failing) continues with --resume; the previous snapshot of the
day stays as it was until the new one is complete. A token in $HF_TOKEN (never printed) raises
the Hub's rate limits. Then: aperture hub ingest <file>.`)
    .action(async (o: { limit?: number; resume?: boolean; day?: string; timeout: number; hubUrl?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<HubGlobal>();
      const hubUrl = (o.hubUrl ?? (process.env.HF_ENDPOINT || DEFAULT_HUB_URL)).replace(/\/+$/, '');
      if (!/^https?:\/\/[^\s/]+/.test(hubUrl)) throw new CliError(`--hub-url: expected an http(s) URL, got "${hubUrl}"`);
      const token = process.env.HF_TOKEN?.trim() || undefined;
      const bar = progress(o.limit);
      const r = await crawlHub({ hubUrl, hubDir: hubDirOf(opts), day: o.day ?? todayIso(), accessToken: token, limit: o.limit, resume: o.resume, timeoutMs: o.timeout, onPage: bar?.update }).finally(() => bar?.stop());
      if (!r.ok) throw new CliError(`${r.error} (${r.records.toLocaleString('en')} repos in ${r.pages} pages kept in ${displayPath(r.partial)})`, { hint: r.hint });
      if (opts.json) io.out(JSON.stringify(r, null, 2));
      else io.out(`${hubUrl}: ${r.records.toLocaleString('en')} repos in ${r.pages} pages${r.resumedFrom !== undefined ? ` (resumed after ${r.resumedFrom.toLocaleString('en')})` : ''}, wrote ${displayPath(r.file)}\nnext: aperture hub ingest ${displayPath(r.file)}`);
    });
}

/** Count, rate and ETA on a terminal; the total is known only with --limit (the listing gives none). */
function progress(limit?: number) {
  if (!process.stderr.isTTY) return undefined;
  const format = limit ? 'hub crawl {bar} {value}/{total} repos, {rate}/s, ETA {eta_formatted}' : 'hub crawl {value} repos, {rate}/s';
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format, hideCursor: true, clearOnComplete: true, etaBuffer: 50 }, cliProgress.Presets.shades_classic);
  const t0 = Date.now();
  bar.start(limit ?? 0, 0, { rate: 0 });
  return {
    update: (n: number) => bar.update(n, { rate: Math.round(n / Math.max(0.001, (Date.now() - t0) / 1000)) }),
    stop: () => bar.stop(),
  };
}
