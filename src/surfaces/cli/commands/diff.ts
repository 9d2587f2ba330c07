import type { Command } from 'commander';
import { CliError } from '../../../lib/errors.js';
import type { Db } from '../../../store/db.js';
import { currentSide, diffBases, diffCounts, type BaseDiff, type DiffSide } from '../../../views/history/diff.js';
import { emit, namedSnapshot, SNAPSHOTS_HELP, withDb, withSnapshotDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderTable } from '../table.js';

/** Shown per list in the readable summary; --json has every row. */
const SHOWN = 15;

export function registerDiff(program: Command, io: CliIO): void {
  program
    .command('diff <a> <b>')
    .description('what changed between two snapshots (ids, dates or "current"): releases added and removed, license and access changes, capability observations, claim verdicts, organizations')
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .option('--json', 'print the whole diff as JSON')
    .addHelpText('after', `
A date names the last snapshot taken on or before it; "latest" the newest; "current" the base
built from data/ now (rebuilt first if data/ changed). Examples:
  aperture diff 2026-11-01 current
  aperture diff 2026-12-03T141030Z latest --json`)
    .action(async (a: string, b: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const d = await withSide(opts, io, a, (x) => withSide(opts, io, b, (y) => diffBases(x, y)));
      emit(io, opts, { ...d, counts: diffCounts(d) }, () => renderDiff(d));
    });
}

async function withSide<T>(opts: GlobalOptions, io: CliIO, ref: string, fn: (side: DiffSide) => Promise<T>): Promise<T> {
  if (ref === 'current') return withDb({ ...opts, snapshot: undefined }, io, (db: Db) => fn(currentSide(db)));
  if (!ref.trim()) throw new CliError('expected a snapshot id, a date or "current"');
  const snap = await namedSnapshot(opts, ref);
  return withSnapshotDb(snap, (db) => fn({ ref, id: snap.id, date: snap.date, db }));
}

export function renderDiff(d: BaseDiff): string {
  const c = diffCounts(d);
  const more = (n: number) => (n > SHOWN ? `\n  ... and ${n - SHOWN} more (--json lists all)` : '');
  const part = (title: string, rows: readonly object[], cols: string[]) => (rows.length ? `\n${title} (${rows.length}):\n` + renderTable(rows.slice(0, SHOWN) as Record<string, unknown>[], cols.map((key) => ({ key, max: 48 }))).replace(/^/gm, '  ') + more(rows.length) : '');
  return [
    `from ${d.from.id} (${d.from.date}) to ${d.to.id} (${d.to.date})`,
    `releases +${c.releases_added} -${c.releases_removed}, license changes ${c.license_changes}, access changes ${c.access_changes}, capability observations +${c.capability_added} ~${c.capability_changed} -${c.capability_removed}, verdict changes ${c.verdict_changes}, organizations +${c.organizations_added} -${c.organizations_removed}`,
    part('releases added', d.releases.added, ['id', 'org', 'date', 'access', 'license']),
    part('releases removed', d.releases.removed, ['id', 'org', 'date', 'access', 'license']),
    part('license changes', d.licenses, ['release', 'from', 'to']),
    part('access changes', d.access, ['release', 'change', 'from', 'to']),
    part('capability observations changed', d.capability.changed, ['release_id', 'measure', 'date', 'from', 'to']),
    part('capability observations added', d.capability.added, ['release_id', 'measure', 'date', 'value']),
    part('verdict changes', d.claims.map((v) => ({ claim: v.claim, 'as said': `${v.said.from ?? '-'} -> ${v.said.to ?? '-'}`, 'as of': `${v.as_of.from ?? '-'} -> ${v.as_of.to ?? '-'}` })), ['claim', 'as said', 'as of']),
    part('organizations added', d.organizations.added, ['id', 'name', 'country']),
    part('organizations removed', d.organizations.removed, ['id', 'name', 'country']),
  ].filter(Boolean).join('\n');
}
