import path from 'node:path';
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliError } from '../../../lib/errors.js';
import { displayPath } from '../../../lib/paths.js';
import { todayIso } from '../../../domain/index.js';
import { loadFacts } from '../../../facts/load.js';
import { factRefs } from '../../../hub/fact-refs.js';
import { dateInPath, defaultHubDir } from '../../../hub/paths.js';
import { buildSnapshot, type SnapshotResult } from '../../../hub/snapshot.js';
import { resolvePaths, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { isoDay } from './hub.js';

export interface HubGlobal extends GlobalOptions {
  hubDir?: string;
}

export const hubDirOf = (opts: HubGlobal) => (opts.hubDir ? path.resolve(opts.hubDir) : defaultHubDir());

/** Reads listing files into one snapshot and stores its aggregates; the summary, without the cells. */
export async function runIngest(files: string[], o: { asOf?: string; dataDir: string; hubDir: string }) {
  for (const f of files) {
    const s = await stat(f).catch(() => undefined);
    if (!s?.isFile()) throw new CliError(`${displayPath(f)}: no such file`, { hint: 'give NDJSON (.ndjson, .ndjson.gz) or Parquet listing files' });
  }
  const snapshot = o.asOf ?? dateInPath(path.resolve(files[0]!)) ?? todayIso();
  const { facts, diagnostics } = await loadFacts(o.dataDir);
  const missing = diagnostics.find((d) => d.rule === 'data-dir');
  if (missing) throw new CliError(`${missing.message}: ${displayPath(o.dataDir)}`, { hint: missing.hint });
  const { orgs, families } = factRefs(facts);
  const r = await buildSnapshot({ files, snapshot, orgs, families, hubDir: o.hubDir });
  if (r.fileErrors.length) {
    throw new CliError(`${r.fileErrors.length} file(s) could not be read; nothing was written\n${r.fileErrors.map((e) => `  ${displayPath(e.file)}: ${e.message}`).join('\n')}`, {
      hint: 'hub ingest reads the listing shape (one JSON object per line, plain or gzip) or Parquet with the hub-stats columns',
    });
  }
  if (!r.repos) throw new CliError('no repo could be read; nothing was written', { hint: 'the bad lines are listed above' });
  return summarize(r, o.hubDir);
}

function summarize(r: SnapshotResult, hubDir: string) {
  return {
    ok: r.bad === 0, snapshot: r.snapshot, repos: r.repos, bad: r.bad, bad_lines: r.badLines.map((b) => ({ file: b.file, line: b.line, message: b.message })),
    duplicates: r.duplicates, lineage: r.lineage, phases_ms: Object.fromEntries(Object.entries(r.phases).map(([k, v]) => [k, Math.round(v)])),
    hub_db: path.join(hubDir, 'hub.duckdb'), lake: path.join(hubDir, 'lake'),
  };
}

export function registerHubIngest(hub: Command, io: CliIO): void {
  hub
    .command('ingest')
    .description('read Hub listings (NDJSON plain or gzip, or Parquet) into one snapshot: lineage, attribution and aggregates in hub.duckdb and the lake')
    .argument('<file...>', 'listing files, read together as one snapshot')
    .option('--as-of <date>', 'the snapshot day (default: a YYYY-MM-DD in the first file\'s path, else today)', isoDay('--as-of'))
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', `
A bad or torn line is counted and listed with its line number and the good ones are kept (exit 1
then, with everything written). A file that is not a listing at all (no line with an "id", or a
Parquet file without the id column or with a mistyped one) stops the run before anything is
written. Re-ingesting a day replaces that day's snapshot; other days are kept.`)
    .action(async (files: string[], o: { asOf?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<HubGlobal>();
      const { dataDir } = resolvePaths(opts);
      const s = await runIngest(files, { asOf: o.asOf, dataDir, hubDir: hubDirOf(opts) });
      if (opts.json) io.out(JSON.stringify(s, null, 2));
      else {
        for (const b of s.bad_lines) io.err(`${displayPath(b.file)}:${b.line}: error: ${b.message}`);
        if (s.bad > s.bad_lines.length) io.err(`... and ${s.bad - s.bad_lines.length} more bad lines`);
        const l = s.lineage;
        io.out([
          `snapshot ${s.snapshot}: ${s.repos.toLocaleString('en')} repos${s.bad ? `, ${s.bad} bad line(s) skipped` : ''}${s.duplicates ? `, ${s.duplicates} listed twice (the later figures kept)` : ''}`,
          `lineage: ${l.edges.toLocaleString('en')} declared parents, ${l.missingParents.toLocaleString('en')} missing from the snapshot, ${l.cycles} cycle(s) (${l.cycleEdges} edges ignored), ${l.roots.toLocaleString('en')} roots`,
          `wrote ${displayPath(s.hub_db)} and ${displayPath(s.lake)}/ (${Object.entries(s.phases_ms).map(([k, v]) => `${k} ${v} ms`).join(', ')})`,
        ].join('\n'));
      }
      if (!s.ok) process.exitCode = 1;
    });
}
