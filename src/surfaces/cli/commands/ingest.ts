import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { CliError } from '../../../lib/errors.js';
import { todayIso } from '../../../domain/index.js';
import { importerById } from '../../../sources/index.js';
import { DEFAULT_HTTP, fetchLog, httpFetch, RequestBudget, ResponseCache, type FetchLog, type FetchTrace } from '../../../sources/http/index.js';
import { endpointOf, LIVE_UPSTREAMS, liveUpstream, type LiveUpstream } from '../../../sources/live/upstreams.js';
import type { Fetched, Staged } from '../../../sources/live/stage.js';
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
record (URL, time fetched, status, ETag, sha256), in the same import generation as the files
the importer wrote from it. Curated facts are never overwritten: disagreements become
conflicts, as with aperture import. Endpoints and their environment variables: see the README.`)
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
        const skip = u.unsupported ?? (!u.stage ? 'no stage is defined' : undefined) ?? (url ? undefined : `no published endpoint is known for the format the ${u.importer} importer reads; pass --url or set ${u.env}`);
        if (skip) {
          if (!o.all) throw new CliError(`${u.id} cannot be ingested: ${skip}`);
          io.err(`${u.id}: skipped: ${skip}`);
          results.push({ source: u.id, skipped: skip });
          continue;
        }
        const context = { dataDir, io, json: Boolean(opts.json), dryRun: Boolean(o.dryRun), since: o.since, limit, timeoutMs, budget, cache };
        if (!o.all) {
          results.push(await ingestOne(u, url!, context));
          continue;
        }
        // With --all one upstream's failure does not stop the others: each is its own import.
        try {
          results.push(await ingestOne(u, url!, context));
        } catch (error) {
          if (!(error instanceof CliError)) throw error;
          io.err(`${u.id}: failed: ${error.message}`);
          results.push({ source: u.id, error: error.message });
        }
      }
      const failed = results.filter((r) => 'error' in r).length;
      if (opts.json) io.out(JSON.stringify({ ok: failed === 0, dryRun: Boolean(o.dryRun), ingests: results }, null, 2));
      if (failed) throw new CliError(`${failed} of ${results.length} ingest(s) failed (listed above); the others completed`, { hint: 'each failed upstream left its previous files; run it again alone to see the whole error' });
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
  const fetched = new Date();
  const pages: Fetched[] = [];
  try {
    // A paginated listing (the MOT API) is read page by page; every page must arrive whole.
    for (let next: string | undefined = url; next; next = u.next?.(next, pages.at(-1)!, pages.length)) {
      const trace: FetchTrace = { attempts: 0 };
      let res: Response;
      let body: Buffer;
      try {
        res = await httpFetch({ ...DEFAULT_HTTP, timeoutMs: c.timeoutMs, budget: c.budget, cache: c.cache, log }, trace)(next);
        body = Buffer.from(await res.arrayBuffer());
      } catch (error) {
        throw new CliError(`${u.id}: cannot fetch ${next} after ${trace.attempts} attempt(s): ${error instanceof Error ? error.message : String(error)}`, { hint: `check the address (--url or ${u.env}); nothing was written` });
      }
      if (!res.ok) throw new CliError(`${u.id}: ${next} answered ${res.status} after ${trace.attempts} attempt(s)${trace.retryAfterMs ? ` and asked to wait ${Math.round(trace.retryAfterMs / 1000)} s` : ''}`, { hint: 'nothing was written; run again later' });
      pages.push({ url: next, finalUrl: trace.url ?? next, status: res.status, etag: res.headers.get('etag'), fromCache: Boolean(trace.fromCache), body });
    }
  } finally {
    log.stop();
  }
  const day = todayIso(fetched);
  const staged = u.stage!(pages, { since: c.since, limit: c.limit, day });
  if (!staged.ok) throw new CliError(`${u.id}: ${url}: ${staged.error}`, { hint: 'nothing was written; run again' });
  for (const r of staged.value.rejected) c.io.err(`${u.id}: record ${r.record} kept out: ${r.reason}`);
  for (const note of staged.value.notes ?? []) c.io.err(`${u.id}: ${note}`);
  const tmp = await mkdtemp(path.join(tmpdir(), 'aperture-ingest-'));
  try {
    for (const [rel, text] of Object.entries(staged.value.files)) {
      await mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
      await writeFile(path.join(tmp, rel), text);
    }
    const importer = importerById(u.importer)!;
    const snapshot = staged.value.snapshot ?? day;
    const raw = rawFiles(u, snapshot, pages, { fetched: fetched.toISOString(), staged: staged.value });
    const summaries = await runImports({ dataDir: c.dataDir, jobs: [{ importer, path: path.join(tmp, staged.value.importPath) }], snapshots: { all: snapshot, byImporter: {} }, fresh: false, dryRun: c.dryRun, extra: raw });
    if (!c.json) for (const s of summaries) c.io.out(humanSummary(s));
    const { files: _files, ...counts } = staged.value;
    return { source: u.id, url, fetched: fetched.toISOString(), pages: pages.length, from_cache: pages.every((p) => p.fromCache), ...counts, snapshot, imports: summaries };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * The raw responses as fetched, gzip-compressed (a tarball is kept as it came), with a record
 * of where and when, as files of the import's own generation: they switch with the files the
 * importer wrote from them, so a kill never leaves an import without its raw response or the
 * other way round.
 */
function rawFiles(u: LiveUpstream, day: string, pages: Fetched[], meta: { fetched: string; staged: Staged }): Map<string, string | Uint8Array> {
  const dir = `imported/raw/${u.id}`;
  const out = new Map<string, string | Uint8Array>();
  const bodies = pages.map((p, i) => {
    const name = `${day}${pages.length > 1 ? `.p${i + 1}` : ''}.${u.raw}${u.raw === 'tar.gz' ? '' : '.gz'}`;
    out.set(`${dir}/${name}`, u.raw === 'tar.gz' ? p.body : gzipSync(p.body));
    return { file: name, url: p.url, final_url: p.finalUrl, status: p.status, etag: p.etag, from_cache: p.fromCache, sha256: createHash('sha256').update(p.body).digest('hex') };
  });
  const { files: _files, ...counts } = meta.staged;
  const first = bodies[0]!;
  out.set(`${dir}/${day}.fetch.json`, JSON.stringify({ url: first.url, fetched: meta.fetched, status: first.status, etag: first.etag, from_cache: first.from_cache, sha256: first.sha256, responses: bodies, staged: counts }, null, 2) + '\n');
  return out;
}
