import type { Command } from 'commander';
import { CliError } from '../../../lib/errors.js';
import { orgView, orgsView } from '../../../views/orgs.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderRecord, renderTable } from '../table.js';

export function registerOrgs(program: Command, io: CliIO): void {
  program
    .command('orgs')
    .description('list organizations with release counts')
    .option('--country <code>', 'only organizations in this country')
    .option('--json', 'print JSON only')
    .action(async (o: { country?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const rows = await withDb(opts, io, (db) => orgsView(db, { country: o.country }));
      emit(io, opts, rows, () =>
        renderTable(rows as Record<string, unknown>[], [
          { key: 'id' }, { key: 'name', max: 32 }, { key: 'kind' }, { key: 'countries' },
          { key: 'releases', align: 'right' }, { key: 'open_weights', label: 'open weights', align: 'right' },
          { key: 'first_release', label: 'first' }, { key: 'latest_release', label: 'latest' },
        ]) + `\n${rows.length} organization(s)`,
      );
    });

  program
    .command('org <id>')
    .description('one organization: countries, names, releases, events, sources')
    .option('--json', 'print JSON only')
    .action(async (id: string, _o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const org = await withDb(opts, io, (db) => orgView(db, id));
      if (!org) throw new CliError(`no organization with id "${id}"`, { hint: 'list ids with `aperture orgs`' });
      const g = org as Record<string, unknown> & typeof org;
      emit(io, opts, org, () =>
        [
          renderRecord([['organization', `${g.name} (${g.id})`], ['kind', g.kind], ['countries', g.countries], ['parent', g.parent ?? '—'], ['aliases', g.aliases], ['hub namespaces', g.hf_namespaces], ['url', g.url]]),
          '',
          renderTable(org.releases as Record<string, unknown>[], [{ key: 'date' }, { key: 'id' }, { key: 'access' }, { key: 'license' }]),
          '',
          org.events.length ? renderTable(org.events as Record<string, unknown>[], [{ key: 'date' }, { key: 'kind' }, { key: 'title', max: 80 }]) : '(no events)',
        ].join('\n'),
      );
    });
}
