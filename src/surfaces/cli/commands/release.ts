import type { Command } from 'commander';
import { CliError } from '../../../lib/errors.js';
import { formatParamCount } from '../../../domain/param-count.js';
import { datedAs } from '../../../domain/date-kinds.js';
import { releaseView } from '../../../views/release.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderRecord, renderTable } from '../table.js';

export function registerRelease(program: Command, io: CliIO): void {
  program
    .command('release <id>')
    .description('one release: facts, all 17 openness components, sources')
    .option('--json', 'print JSON only')
    .action(async (id: string, _o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const release = await withDb(opts, io, (db) => releaseView(db, id));
      if (!release) throw new CliError(`no release with id "${id}"`, { hint: 'list ids with `aperture releases --q <text>`' });
      const r = release as Record<string, unknown> & typeof release;
      emit(io, opts, release, () =>
        [
          renderRecord([
            ['release', `${r.name} (${r.id})`],
            ['organization', `${r.org_name} (${r.org}, ${r.country})`],
            ['family', r.family_name],
            ['date', datedAs(String(r.date), r.date_kind as string | null)],
            ['type', r.type],
            ['parameters', r.params_total == null ? 'unknown' : `${formatParamCount(r.params_total as number)}${r.params_active ? ` total, ${formatParamCount(r.params_active as number)} active` : ''}`],
            ['access', release.access],
            ['license', r.license ?? 'none stated'],
            ['hub repos', release.hf_repos],
            ['defined at', `${r.file}:${r.line}`],
            ...(release.merged_from ? [['merged', `${release.merged_from} is a merged id of this release`] as [string, string]] : []),
            ...(release.endpoint_of ? [['endpoint of', `${release.endpoint_of} (an API name of it, not counted as a release)`] as [string, string]] : []),
            ...(release.history ? [['history', release.history.map((h) => `from ${h.date}: ${h.access.join(', ')}${h.license ? `, ${h.license}` : ''}${h.source ? ` (${h.source})` : ''}`)] as [string, string[]]] : []),
          ]),
          '',
          renderTable(release.components as Record<string, unknown>[], [{ key: 'component' }, { key: 'status' }, { key: 'license', max: 28 }, { key: 'url', max: 70 }]),
          '',
          'sources:',
          ...(release.sources as { id: string; url: string; accessed: string }[]).map((s) => `  ${s.id}: ${s.url} (accessed ${s.accessed})`),
        ].join('\n'),
      );
    });
}
