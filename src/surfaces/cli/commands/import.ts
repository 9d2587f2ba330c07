import { readFile, rm } from 'node:fs/promises';
import { FileWriteError, NO_ROOM, writeFileAtomic } from '../../../lib/files.js';
import { commitImportGeneration } from '../../../facts/import-generation.js';
import type { FactBase } from '../../../facts/fact-base.js';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { CliError } from '../../../lib/errors.js';
import { displayPath } from '../../../lib/paths.js';
import { todayIso } from '../../../domain/index.js';
import { loadFacts } from '../../../facts/load.js';
import { addImportToFacts, isImportedFile, mergeBatch, renderImport, renderNewOrgs, withoutImports, type ImportSummary } from '../../../facts/resolve/index.js';
import { IMPORTERS, importerById, nodeFs, type Importer, type ImportFs } from '../../../sources/index.js';
import { resolvePaths, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { isPeerImporter } from '../../../sources/peer-importer.js';
import { runPeerImport } from './import-peers.js';
import { peerFile } from '../../../facts/peers/index.js';

export interface ImportJob {
  importer: Importer;
  path: string;
}

export interface ImportRunOptions {
  dataDir: string;
  jobs: ImportJob[];
  fs?: ImportFs;
  /** Snapshot dates given on the command line: one for every importer, or per importer id. */
  snapshots?: SnapshotDates;
  today?: string;
  /** When every generated file is rebuilt (--all), previous imports are ignored entirely. */
  fresh: boolean;
  dryRun?: boolean;
  /** Accept an import that yields no records or far fewer than the previous one. */
  force?: boolean;
  progress?: (label: string) => { update(done: number, total: number): void; stop(): void };
  /** More files for the same generation (paths under data/, e.g. ingest's raw responses), switched with it. */
  extra?: ReadonlyMap<string, string | Uint8Array>;
}

export const ORG_TABLE = 'orgs-imported/orgs.yaml';

/**
 * An import producing less than this share of the records its previous generation had is
 * refused without --force: a wrong file (other columns, a header only) must not wipe a dataset.
 */
export const MIN_SHARE_OF_PREVIOUS = 0.5;

/**
 * Runs importers in order against the fact base in dataDir and writes their generated files.
 * Each importer sees curated facts and the output of the importers before it, never its own
 * previous output. All files of a run are written as one new generation of data/imported/,
 * switched to at once (commitImportGeneration), so a failed or killed run leaves the previous
 * files current and a reader never sees some files new and others old. An importer that yields
 * no records, or far fewer than its previous import, stops the run unless `force` is set.
 */
export async function runImports(opts: ImportRunOptions): Promise<ImportSummary[]> {
  const fs = opts.fs ?? nodeFs;
  const loaded = await loadFacts(opts.dataDir);
  const facts = withoutImports(loaded.facts, opts.fresh ? 'all' : opts.jobs.map((j) => j.importer.id));
  const summaries: ImportSummary[] = [];
  const changes = new Map<string, string | Uint8Array | undefined>();
  let orgText = '';
  for (const job of opts.jobs) {
    // Peer indices (EOSAI, MOT) take their own path: their judgments stay theirs (src/facts/peers).
    const snapshot = opts.snapshots?.byImporter[job.importer.id] ?? opts.snapshots?.all;
    if (isPeerImporter(job.importer)) {
      const peer = await runPeerImport(job.importer, job.path, { dataDir: opts.dataDir, fs, facts, snapshot });
      checkYield(job, peer.entries, previousRecords(loaded.facts, job.importer.id), opts.force);
      summaries.push(peer.summary);
      changes.set(peer.file, peer.text);
      continue;
    }
    const bar = opts.progress?.(job.importer.id);
    let batch;
    try {
      batch = await job.importer.read(job.path, { fs, snapshot, progress: bar ? (d, t) => bar.update(d, t) : undefined });
    } catch (error) {
      throw new CliError(`${job.importer.id}: cannot read ${displayPath(job.path)}: ${error instanceof Error ? error.message : String(error)}`, {
        hint: `expected ${job.importer.description}`,
      });
    } finally {
      bar?.stop();
    }
    const out = mergeBatch(facts, job.importer.id, batch, { isCurated: (f) => !isImportedFile(f) && !f.includes('orgs-imported'), today: opts.today ?? todayIso() });
    checkYield(job, out.releases.length + out.attributes.length + out.capability.length + out.adoption.length + out.unmatched.length, previousRecords(loaded.facts, job.importer.id), opts.force, out.summary.rows);
    addImportToFacts(facts, out);
    summaries.push(out.summary);
    for (const [rel, text] of renderImport(out, `aperture import ${job.importer.id}`)) changes.set(rel, text);
    orgText += renderNewOrgs(out.orgs, batch.dataset);
  }
  if (opts.dryRun) return summaries;
  for (const [rel, body] of opts.extra ?? []) changes.set(rel, body);
  const orgFile = path.join(opts.dataDir, ORG_TABLE);
  const orgsBefore = orgText ? await readFile(orgFile, 'utf8').catch(() => undefined) : undefined;
  try {
    // The org table is written just before the switch, so the new generation never names an
    // organization the table lacks; if the switch then fails, the table is put back.
    await commitImportGeneration(opts.dataDir, changes, orgText ? () => writeFileAtomic(orgFile, (orgsBefore ?? ORG_TABLE_HEADER) + orgText) : undefined);
  } catch (error) {
    if (orgText) await (orgsBefore === undefined ? rm(orgFile, { force: true }) : writeFileAtomic(orgFile, orgsBefore)).catch(() => {});
    if (error instanceof FileWriteError) throw new CliError(`${error.message}; the previous import is unchanged`, { hint: error.code && NO_ROOM.has(error.code) ? 'free some disk space and run the import again' : 'check the permissions of the data folder and run the import again' });
    throw error;
  }
  return summaries;
}

const ORG_TABLE_HEADER = '# The organization table of imported releases: ids, countries (primary first) and kind.\n# Maintained by hand; `aperture import` appends organizations a dataset describes and never edits entries.\n';

/** Records the current generation holds from one importer (what a new import replaces). */
function previousRecords(facts: FactBase, importer: string): number {
  const from = (list: readonly { origin: { file: string } }[]) => list.filter((x) => isImportedFile(x.origin.file, importer)).length;
  if (importer === 'osai-index' || importer === 'mot') return facts.peers.filter((p) => p.value.peer === importer).length;
  return from(facts.releases) + from(facts.attributes) + from(facts.capability) + from(facts.adoption) + from(facts.unmatched);
}

function checkYield(job: ImportJob, records: number, previous: number, force: boolean | undefined, rows?: number): void {
  if (force) return;
  const id = job.importer.id;
  if (records === 0) {
    throw new CliError(`${id}: ${displayPath(job.path)} gave no records (${rows ? `${rows} rows read, ` : ''}no row with the fields this importer reads); nothing was written and the previous import is unchanged`, {
      hint: `expected ${job.importer.description}; if the dataset really is empty now, pass --force`,
    });
  }
  if (previous > 0 && records < previous * MIN_SHARE_OF_PREVIOUS) {
    throw new CliError(`${id}: ${displayPath(job.path)} gave ${records} records where the previous import has ${previous}; nothing was written and the previous import is unchanged`, {
      hint: `check that this is the whole dataset (expected ${job.importer.description}); to replace the previous import anyway, pass --force`,
    });
  }
}

export function registerImport(program: Command, io: CliIO): void {
  program
    .command('import')
    .description(`import a public dataset into data/imported/ (sources: ${IMPORTERS.map((i) => i.id).join(', ')})`)
    .argument('[source]', 'which importer to run')
    .argument('[path]', 'the file or folder to read (or, with --all, a folder laid out like the reference snapshot)')
    .option('--all', 'run every importer on a folder laid out like the reference snapshot')
    .option('--snapshot <[source=]date>', 'snapshot date of the files when they do not say (YYYY-MM-DD); with --all, source=date names one importer\'s (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--dry-run', 'resolve and report, but write nothing')
    .option('--force', 'write the import even when it yields no records or less than half of the previous import\'s')
    .option('--json', 'print the summary as JSON')
    .action(async (source: string | undefined, file: string | undefined, o: { all?: boolean; snapshot?: string[]; dryRun?: boolean; force?: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const { dataDir } = resolvePaths(opts);
      const snapshots = parseSnapshots(o.snapshot ?? []);
      const jobs: ImportJob[] = [];
      if (o.all) {
        const dir = source && !file ? source : file;
        if (!dir) throw new CliError('import --all needs a folder', { hint: 'aperture import --all <dir>' });
        for (const importer of IMPORTERS) {
          const found = await importer.locate(dir, nodeFs);
          if (found) jobs.push({ importer, path: found });
          else io.err(`${importer.id}: nothing found under ${displayPath(dir)}, skipped`);
        }
        if (!jobs.length) throw new CliError(`no dataset found under ${displayPath(dir)}`);
      } else {
        const importer = source ? importerById(source) : undefined;
        if (!importer) throw new CliError(source ? `unknown source "${source}"` : 'name a source to import', { hint: `one of: ${IMPORTERS.map((i) => i.id).join(', ')}, or --all <dir>` });
        if (!file) throw new CliError(`import ${importer.id} needs a path`, { hint: `expected ${importer.description}` });
        jobs.push({ importer, path: file });
      }
      const summaries = await runImports({ dataDir, jobs, snapshots, fresh: Boolean(o.all), dryRun: o.dryRun, force: o.force, progress: progressBars() });
      if (opts.json) io.out(JSON.stringify({ ok: true, dryRun: Boolean(o.dryRun), imports: summaries }, null, 2));
      else for (const s of summaries) io.out(humanSummary(s));
    });
}

export interface SnapshotDates {
  all?: string;
  byImporter: Record<string, string>;
}

/** `--snapshot 2026-06-12` for every importer, `--snapshot osai-index=2026-06-12` for one. */
function parseSnapshots(values: readonly string[]): SnapshotDates {
  const out: SnapshotDates = { byImporter: {} };
  for (const v of values) {
    const m = /^(?:([a-z0-9-]+)=)?(\d{4}-\d{2}-\d{2})$/.exec(v);
    if (!m) throw new CliError(`--snapshot: expected YYYY-MM-DD or <source>=YYYY-MM-DD, got "${v}"`);
    const [, id, date] = m;
    if (id && !importerById(id)) throw new CliError(`--snapshot: unknown source "${id}"`, { hint: `one of: ${IMPORTERS.map((i) => i.id).join(', ')}` });
    if (id) out.byImporter[id] = date!;
    else out.all = date!;
  }
  return out;
}

/** A bar per importer on stderr, only when a person is watching. */
function progressBars(): ImportRunOptions['progress'] {
  if (!process.stderr.isTTY) return undefined;
  return (label) => {
    const bar = new cliProgress.SingleBar({ stream: process.stderr, format: `${label.padEnd(22)} {bar} {value}/{total}`, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      update(done, total) {
        if (!started) bar.start(total, 0);
        started = true;
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  };
}

export function humanSummary(s: ImportSummary): string {
  const skipped = Object.entries(s.skipped).map(([why, n]) => `${n} ${why}`).join(', ');
  return [
    `${s.importer} (${s.source}, snapshot ${s.snapshot}): ${s.rows} rows`,
    `  releases: ${s.releasesCreated} created, ${s.releasesMatched} matched (${s.matchedCurated} curated)`,
    `  observations: ${s.attributeObservations} attribute, ${s.capabilityObservations} capability, ${s.adoptionObservations} adoption`,
    `  not imported: ${s.unmatched} unmatched, ${s.ambiguous} ambiguous, ${s.unknownOrg} unknown org, ${s.incomplete} incomplete names (aperture unmatched)`,
    ...('peerObservations' in s ? [`  peer observations: ${s.peerObservations} judgments of matched entries, in data/${peerFile(s.importer)}`] : []),
    ...(s.orgsAdded ? [`  organizations added to data/${ORG_TABLE}: ${s.orgsAdded}`] : []),
    ...(skipped ? [`  skipped rows: ${skipped}`] : []),
  ].join('\n');
}
