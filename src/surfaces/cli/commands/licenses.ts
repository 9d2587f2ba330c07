import type { Command } from 'commander';
import { CliError } from '../../../lib/errors.js';
import { licenseView, licensesView } from '../../../views/licenses.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderRecord, renderTable } from '../table.js';
import { termsAsLines } from '../../../assess/license-terms.js';

export function registerLicenses(program: Command, io: CliIO): void {
  program
    .command('licenses')
    .description('the license registry and every license the fact base uses')
    .option('--json', 'print JSON only')
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const rows = await withDb(opts, io, licensesView);
      emit(io, opts, rows, () =>
        renderTable(rows as Record<string, unknown>[], [
          { key: 'id', max: 40 }, { key: 'category' }, { key: 'osi_approved', label: 'OSI' },
          { key: 'commercial_use', label: 'commercial' }, { key: 'releases', align: 'right' },
        ]) + `\n${rows.length} license(s)`,
      );
    });

  program
    .command('license <id>')
    .description('one license: its terms in plain words, and its source')
    .option('--json', 'print JSON only')
    .action(async (id: string, _o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const license = await withDb(opts, io, (db) => licenseView(db, id));
      if (!license) throw new CliError(`no license with id "${id}"`, { hint: 'list ids with `aperture licenses`' });
      const l = license as Record<string, unknown>;
      emit(io, opts, license, () =>
        [
          renderRecord([['license', `${l.name} (${l.id})`], ['category', l.category], ['OSI approved', l.osi_approved], ['hub tag', l.hf_tag], ['commercial use', license.terms?.commercial_use ?? 'unknown'], ['url', l.url], ['releases', l.releases]]),
          '',
          ...(license.terms ? termsAsLines(license.terms as never) : ['no structured terms are registered for this license (add a file in data/licenses/)']).map((line) => `- ${line}`),
        ].join('\n'),
      );
    });
}
