import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { CliError } from '../../../lib/errors.js';
import { writeFileAtomic } from '../../../lib/files.js';
import { todayIso } from '../../../domain/index.js';
import { importerById } from '../../../sources/index.js';
import { DEFAULT_HTTP, fetchLog, httpFetch, RequestBudget, ResponseCache, type FetchLog, type FetchTrace } from '../../../sources/http/index.js';
import { endpointOf, LIVE_UPSTREAMS, liveUpstream, type LiveUpstream } from '../../../sources/live/upstreams.js';
import { stageBody, type Staged } from '../../../sources/live/stage.js';
import { resolvePaths, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { humanSummary, runImports } from './import.js';

interface IngestFlags { all?: boolean; url?: string; since?: string; limit?: string; dryRun?: boolean; timeout: string; budget: string }

export function registerIngest(program: Command, io: CliIO): void {
  program
    .command('ingest [source]')
    .description(`fetch the live published form of an upstream and run its importer on it (sources: ${LIVE_UPSTREAMS.map((u) => u.id).join(', ')}; some cannot be fetched yet and say why)`)
    .option('--all', 'every upstream that can be fetched; the others are listed with the reason')
    .option('--url <url>', 'fetch from here instead of the published endpoint (or set the source\'s environment variable, see the README)')
    .option('--since <date>', 'keep only records dated on or after this day (YYYY-MM-DD)')
    .option('--limit <n>', 'keep at most this many records (a trial run)')
    .option('--dry-run', 'fetch, check and resolve, but write nothing')
    .option('--timeout <ms>', 'limit on one attempt, headers and body', '60000')
    .option('--budget <n>', 'most requests this run may make, retries included', '20')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', `
Each response is checked whole before anything is written (a cut-off JSON or CSV stops the
ingest and leaves the previous files); invalid records are kept out and listed. The raw
response is kept gzip-compressed in data/imported/raw/<source>/<day>.* with a .fetch.json
record (URL, time fetched, status, ETag, sha256). Curated facts are never overwritten:
disagreements become conflicts, as with aperture import.`)
    .action(async (source: string | undefined, o: IngestFlags, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const { dataDir, dbPath } = resolvePaths(opts);
      if (o.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.since)) throw new CliError(`--since: expected YYYY-MM-DD, got "${o.since}"`);
      const limit = o.limit === undefined ? undefined : positive('--limit', o.limit);
      const timeoutMs = positive('--timeout', o.timeout);
      const budget = new RequestBudget(positive('--budget', o.budget));
      if (o.all && (source || o.url)) throw new CliError('ingest --all takes no source and no --url', { hint: 'override endpoints with their environment variables (see the README)' });
      const targets = o.all ? LIVE_UPSTREAMS : [liveUpstream(source ?? '')].filter((u): u is LiveUpstream => Boolean(u));
      if (!targets.length) throw new CliError(source ? `unknown source "${source}"` : 'name a source to ingest, or --all', { hint: `one of: ${LIVE_UPSTREAMS.map((u) => u.id).join(', ')}` });
      const cache = new ResponseCache(path.join(path.dirname(dbPath), 'http-cache'));
      const results = [];
      for (const u of targets) {
        const url = endpointOf(u, o.url);
        const skip = u.unsupported ?? (url ? undefined : `no published endpoint is known for the format the ${u.importer} importer reads; pass --url or set ${u.env}`);
        if (skip) {
          if (!o.all) throw new CliError(`${u.id} cannot be ingested: ${skip}`);
          io.err(`${u.id}: skipped: ${skip}`);
          results.push({ source: u.id, skipped: skip });
          continue;
        }
        results.push(await ingestOne(u, url!, { dataDir, io, json: Boolean(opts.json), dryRun: Boolean(o.dryRun), since: o.since, limit, timeoutMs, budget, cache }));
      }
      if (opts.json) io.out(JSON.stringify({ ok: true, dryRun: Boolean(o.dryRun), ingests: results }, null, 2));
    });
}

function positive(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${flag}: expected a whole number above 0, got "${v}"`);
  return n;
}

interface IngestContext { dataDir: string; io: CliIO; json: boolean; dryRun: boolean; since?: string; limit?: number; timeoutMs: number; budget: RequestBudget; cache: ResponseCache }

async function ingestOne(u: LiveUpstream, url: string, c: IngestContext) {
  const log: FetchLog & { stop(): void } = process.stderr.isTTY && !c.json ? fetchLog(1, process.stderr, u.id) : { retry: (x, why, ms) => c.io.err(`${u.id}: retry ${x}: ${why}; waiting ${ms} ms`), done: (x, outcome) => c.io.err(`${u.id}: GET ${x}: ${outcome}`), stop: () => {} };
  const trace: FetchTrace = { attempts: 0 };
  const fetched = new Date();
  let body: string;
  let res: Response;
  try {
    res = await httpFetch({ ...DEFAULT_HTTP, timeoutMs: c.timeoutMs, budget: c.budget, cache: c.cache, log }, trace)(url);
    body = await res.text();
  } catch (error) {
    throw new CliError(`${u.id}: cannot fetch ${url} after ${trace.attempts} attempt(s): ${error instanceof Error ? error.message : String(error)}`, { hint: `check the address (--url or ${u.env}); nothing was written` });
  } finally {
    log.stop();
  }
  if (!res.ok) throw new CliError(`${u.id}: ${url} answered ${res.status} after ${trace.attempts} attempt(s)${trace.retryAfterMs ? ` and asked to wait ${Math.round(trace.retryAfterMs / 1000)} s` : ''}`, { hint: 'nothing was written; run again later' });
  const staged = stageBody(u, body, { since: c.since, limit: c.limit });
  if (!staged.ok) throw new CliError(`${u.id}: ${url}: ${staged.error}`, { hint: 'nothing was written; run again' });
  for (const r of staged.value.rejected) c.io.err(`${u.id}: record ${r.record} kept out: ${r.reason}`);
  const day = todayIso(fetched);
  const tmp = await mkdtemp(path.join(tmpdir(), 'aperture-ingest-'));
  try {
    const file = path.join(tmp, u.fileName(day));
    await writeFile(file, staged.value.text);
    const importer = importerById(u.importer)!;
    const summaries = await runImports({ dataDir: c.dataDir, jobs: [{ importer, path: file }], snapshots: { all: day, byImporter: {} }, fresh: false, dryRun: c.dryRun });
    if (!c.dryRun) await keepRaw(c.dataDir, u, day, body, { url, fetched: fetched.toISOString(), status: res.status, etag: res.headers.get('etag'), from_cache: Boolean(trace.fromCache), staged: staged.value });
    if (!c.json) for (const s of summaries) c.io.out(humanSummary(s));
    return { source: u.id, url, fetched: fetched.toISOString(), attempts: trace.attempts, from_cache: Boolean(trace.fromCache), received: staged.value.received, kept: staged.value.kept, filtered: staged.value.filtered, rejected: staged.value.rejected, imports: summaries };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The raw response as fetched, gzip-compressed, with a record of where and when (for audit). */
async function keepRaw(dataDir: string, u: LiveUpstream, day: string, body: string, meta: { url: string; fetched: string; status: number; etag: string | null; from_cache: boolean; staged: Staged }): Promise<void> {
  const dir = path.join(dataDir, 'imported', 'raw', u.id);
  const raw = Buffer.from(body);
  await writeFileAtomic(path.join(dir, `${day}.${u.format}.gz`), gzipSync(raw));
  const { text: _text, ...counts } = meta.staged;
  await writeFileAtomic(path.join(dir, `${day}.fetch.json`), JSON.stringify({ ...meta, staged: counts, sha256: createHash('sha256').update(raw).digest('hex') }, null, 2) + '\n');
}
