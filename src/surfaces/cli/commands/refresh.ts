import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../../lib/files.js';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { CliError } from '../../../lib/errors.js';
import { displayPath } from '../../../lib/paths.js';
import { closest } from '../../../lib/suggest.js';
import { todayIso } from '../../../domain/index.js';
import { loadFacts } from '../../../facts/load.js';
import {
  DEFAULT_HUB_URL, HUB_SOURCES_FILE, hintFor, hubApiSource, hubDayFile, mergeSourcesFile, refreshHub, renderDayFile, toObservations,
  type HubClientOptions, type HubError, type RepoResult,
} from '../../../sources/hf-hub/index.js';
import { resolvePaths, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';

const COMMAND = 'aperture refresh hub';

export interface RefreshHubOptions {
  dataDir: string;
  hubUrl: string;
  accessToken?: string;
  org?: string;
  releases?: string[];
  limit?: number;
  derivatives?: boolean;
  concurrency: number;
  timeoutMs: number;
  dryRun?: boolean;
  /** The refresh day (YYYY-MM-DD); today in UTC by default. */
  today?: string;
  retry?: HubClientOptions['retry'];
  maxListed?: number;
  fetch?: typeof fetch;
  progress?: (total: number) => { tick(): void; stop(): void };
}

export interface FailedRepo {
  repo: string;
  /** `model`, or the derivative listing that failed (the repo's other figures were kept). */
  what: HubError['what'];
  kind: HubError['kind'];
  status?: number;
  attempts: number;
  error: string;
  hint: string;
}

export interface RefreshSummary {
  ok: boolean;
  dryRun: boolean;
  day: string;
  hubUrl: string;
  repos: number;
  fetched: number;
  notFound: string[];
  gated: string[];
  failed: FailedRepo[];
  /** Derivative listings longer than the cap: counted no further and not recorded. */
  truncated: { repo: string; kind: string; listedMoreThan: number }[];
  /** Repos the Hub answered for under another id (renamed): worth updating in hf_repos. */
  moved: { repo: string; movedTo: string }[];
  /** The observation file written (relative to the data folder), null when nothing was written. */
  file: string | null;
  sourceFile: string | null;
}

/**
 * Reads the Hub figures of every repo named in the releases' hf_repos and writes them as one
 * day's adoption observations plus the source they cite. A re-run the same day replaces that
 * day's file; other days are never touched. When no repo could be read, nothing is written.
 */
export async function runRefreshHub(opts: RefreshHubOptions): Promise<RefreshSummary> {
  const day = opts.today ?? todayIso();
  const hubUrl = opts.hubUrl.replace(/\/+$/, '');
  const { facts, diagnostics } = await loadFacts(opts.dataDir);
  const missing = diagnostics.find((d) => d.rule === 'data-dir');
  if (missing) throw new CliError(`${missing.message}: ${displayPath(opts.dataDir)}`, { hint: missing.hint });

  if (opts.org && !facts.orgs.some((o) => o.value.id === opts.org)) {
    const near = closest(opts.org, facts.orgs.map((o) => o.value.id));
    throw new CliError(`unknown organization "${opts.org}"`, { hint: near ? `did you mean ${near}?` : 'aperture orgs lists them' });
  }
  const releaseIds = new Set(facts.releases.map((r) => r.value.id));
  for (const id of opts.releases ?? []) {
    if (!releaseIds.has(id)) {
      const near = closest(id, releaseIds);
      throw new CliError(`unknown release "${id}"`, { hint: near ? `did you mean ${near}?` : 'aperture releases lists them' });
    }
  }
  // Each repo once (the Hub's ids are case-insensitive), tied to the first release that lists it.
  const releaseOf = new Map<string, string>();
  const repos: string[] = [];
  for (const { value: r } of facts.releases) {
    if (opts.org && r.org !== opts.org) continue;
    if (opts.releases?.length && !opts.releases.includes(r.id)) continue;
    for (const repo of r.hf_repos) {
      if (releaseOf.has(repo.toLowerCase())) continue;
      releaseOf.set(repo.toLowerCase(), r.id);
      repos.push(repo);
    }
  }
  repos.sort((a, b) => a.localeCompare(b));
  const selected = opts.limit !== undefined ? repos.slice(0, opts.limit) : repos;
  if (!selected.length) throw new CliError('no Hub repos to refresh', { hint: 'releases name their repos in hf_repos; check --org and --release' });

  // Read the sources file before any request, so a broken one stops the run before it costs anything.
  const sourcesPath = path.join(opts.dataDir, HUB_SOURCES_FILE);
  const existingSources = await readFile(sourcesPath, 'utf8').catch(() => undefined);
  const source = hubApiSource(day, hubUrl);
  const merged = mergeSourcesFile(existingSources, source, COMMAND);
  if ('error' in merged) throw new CliError(`${displayPath(sourcesPath)}: ${merged.error}`, { hint: 'fix or remove the file; the refresh rewrites it' });

  const bar = opts.progress?.(selected.length);
  let results: RepoResult[];
  try {
    results = await refreshHub(selected, {
      hubUrl, accessToken: opts.accessToken, timeoutMs: opts.timeoutMs, retry: opts.retry, derivatives: opts.derivatives,
      maxListed: opts.maxListed, fetch: opts.fetch, concurrency: opts.concurrency, onResult: () => bar?.tick(),
    });
  } finally {
    bar?.stop();
  }

  const summary = summarize(results, { day, hubUrl, dryRun: Boolean(opts.dryRun) });
  const observations = toObservations(results, { day, sourceId: source.id, releaseOf: (repo) => releaseOf.get(repo.toLowerCase()) });
  if (opts.dryRun || !observations.length) return summary;
  // The source first: observations citing a source that is not there yet would not validate.
  await writeFileAtomic(sourcesPath, merged.text);
  const file = hubDayFile(day);
  await writeFileAtomic(path.join(opts.dataDir, file), renderDayFile(observations, { command: COMMAND, hubUrl, day, sourceId: source.id }));
  return { ...summary, file, sourceFile: HUB_SOURCES_FILE };
}

function summarize(results: readonly RepoResult[], base: { day: string; hubUrl: string; dryRun: boolean }): RefreshSummary {
  const s: RefreshSummary = { ok: true, ...base, repos: results.length, fetched: 0, notFound: [], gated: [], failed: [], truncated: [], moved: [], file: null, sourceFile: null };
  const fail = (e: HubError) => s.failed.push({ repo: e.repo, what: e.what, kind: e.kind, ...(e.status ? { status: e.status } : {}), attempts: e.attempts, error: e.message, hint: hintFor(e) });
  for (const r of results) {
    if (r.ok) {
      s.fetched++;
      if (r.figures.movedTo) s.moved.push({ repo: r.repo, movedTo: r.figures.movedTo });
      for (const g of r.gaps) {
        if (g.reason === 'truncated') s.truncated.push({ repo: r.repo, kind: g.kind, listedMoreThan: g.listed });
        else fail(g.error);
      }
    } else if (r.error.kind === 'not-found') s.notFound.push(r.repo);
    else if (r.error.kind === 'gated') s.gated.push(r.repo);
    else fail(r.error);
  }
  s.ok = s.fetched === results.length && s.failed.length === 0;
  return s;
}

const positiveInt = (flag: string, max = Number.MAX_SAFE_INTEGER) => (text: string) => {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) throw new CliError(`${flag}: expected a whole number from 1 to ${max}, got "${text}"`);
  return n;
};
const collect = (text: string, previous: string[] = []) => [...previous, ...text.split(',').map((s) => s.trim()).filter(Boolean)];

export function registerRefresh(program: Command, io: CliIO): void {
  const refresh = program.command('refresh').description('read live figures from an upstream service into data/ (sources: hub)');
  refresh
    .command('hub')
    .description('read Hugging Face Hub downloads, likes and (with --derivatives) derivative counts of every release\'s hf_repos into data/observations/adoption/hf-hub/<today>.yaml')
    .option('--org <id>', 'only this organization\'s releases')
    .option('--release <id>', 'only these releases (repeatable, or a comma list)', collect)
    .option('--limit <n>', 'at most this many repos (in repo order)', positiveInt('--limit'))
    .option('--derivatives', 'also count fine-tunes, adapters, quantizations and merges (four paginated listings per repo)')
    .option('--concurrency <n>', 'repos read at the same time', positiveInt('--concurrency', 32), 4)
    .option('--timeout <ms>', 'limit on each request attempt, in milliseconds', positiveInt('--timeout'), 20_000)
    .option('--hub-url <url>', 'the Hub to read (default: $HF_ENDPOINT or https://huggingface.co)')
    .option('--dry-run', 'read the Hub and report, but write nothing')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', `
A token in $HF_TOKEN (never printed) is sent to the Hub; without one, private repos read as gated.
A re-run the same day replaces that day's file; other days' files are the history and are never
touched. Exit code 1 when any repo could not be read; the others are still written, unless none
could be read, in which case nothing is written.`)
    .action(async (o: { org?: string; release?: string[]; limit?: number; derivatives?: boolean; concurrency: number; timeout: number; hubUrl?: string; dryRun?: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const { dataDir } = resolvePaths(opts);
      const hubUrl = o.hubUrl ?? (process.env.HF_ENDPOINT || DEFAULT_HUB_URL);
      if (!/^https?:\/\/[^\s/]+/.test(hubUrl)) throw new CliError(`--hub-url: expected an http(s) URL, got "${hubUrl}"`);
      const token = process.env.HF_TOKEN?.trim() || undefined;
      // The library rejects other tokens with a TypeError per request; say it once, without echoing the token.
      if (token && !token.startsWith('hf_')) throw new CliError('HF_TOKEN does not look like a Hugging Face token (they start with "hf_")', { hint: 'unset it to read public repos only' });
      const summary = await runRefreshHub({
        dataDir, hubUrl, accessToken: token, org: o.org, releases: o.release, limit: o.limit, derivatives: o.derivatives,
        concurrency: o.concurrency, timeoutMs: o.timeout, dryRun: o.dryRun, progress: progressBar(),
      });
      if (opts.json) io.out(JSON.stringify(summary, null, 2));
      else io.out(humanSummary(summary, dataDir));
      if (!summary.ok) process.exitCode = 1;
    });
}

function progressBar(): RefreshHubOptions['progress'] {
  if (!process.stderr.isTTY) return undefined;
  return (total) => {
    const bar = new cliProgress.SingleBar({ stream: process.stderr, format: `hub ${'{bar}'} {value}/{total} repos`, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
    bar.start(total, 0);
    return { tick: () => bar.increment(), stop: () => bar.stop() };
  };
}

function humanSummary(s: RefreshSummary, dataDir: string): string {
  const out = [`${s.hubUrl} on ${s.day}: ${s.fetched} of ${s.repos} repos read`];
  for (const repo of s.notFound) out.push(`  not found: ${repo} (check the repo id in the release's hf_repos: renamed or deleted?)`);
  for (const repo of s.gated) out.push(`  gated or private: ${repo} (set HF_TOKEN to a token with access, or check the repo id)`);
  const notTried = s.failed.filter((f) => f.kind === 'not-tried');
  for (const f of s.failed.filter((x) => x.kind !== 'not-tried')) out.push(`  failed: ${f.repo}${f.what === 'model' ? '' : ` (${f.what})`}${f.status ? ` HTTP ${f.status}` : ''}: ${f.error} (${f.hint})`);
  if (notTried.length) out.push(`  not tried: ${notTried.length} more repos, since the Hub could not be reached (${notTried[0]!.hint}; --json lists them)`);
  for (const t of s.truncated) out.push(`  ${t.kind} of ${t.repo}: more than ${t.listedMoreThan} listed; not recorded`);
  for (const m of s.moved) out.push(`  ${m.repo} is now ${m.movedTo} on the Hub; consider updating hf_repos`);
  if (s.dryRun) out.push('dry run: nothing written');
  else if (s.file) out.push(`wrote ${displayPath(path.join(dataDir, s.file))} and ${displayPath(path.join(dataDir, s.sourceFile!))}`);
  else out.push('no repo could be read: nothing written, previous files untouched');
  return out.join('\n');
}
