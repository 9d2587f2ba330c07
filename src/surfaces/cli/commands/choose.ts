import { Option, type Command } from 'commander';
import { formatParamCount } from '../../../domain/param-count.js';
import { ChooseParams, chooseView } from '../../../views/choose.js';
import { emit, withDb, type GlobalOptions, asOfFlag, SNAPSHOT_HELP, SNAPSHOTS_HELP } from '../context.js';
import type { CliIO } from '../io.js';
import { renderWindow } from '../window.js';
import { parseFlags } from './analytics-flags.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerChoose(program: Command, io: CliIO): void {
  program
    .command('choose')
    .description('rank open-weights releases that meet your constraints, with each license\'s restrictions in plain words')
    .addOption(new Option('--license-allows <use>', 'the weights license allows this use (outright or under conditions listed)').choices(['commercial']))
    .option('--no-user-cap', 'no monthly-user or revenue threshold above which a separate license is needed')
    .option('--output-training', 'outputs may be used to train other models')
    .option('--osi', 'only OSI-approved licenses')
    .option('--ungated', 'only weights that download without a click-through or approval')
    .option('--country <code>', 'only labs in this country (repeatable or comma-separated)', collect)
    .option('--exclude-country <code>', 'leave out labs in this country (repeatable or comma-separated)', collect)
    .option('--org <id>', 'only this organization (repeatable)', collect)
    .option('--exclude-org <id>', 'leave out this organization (repeatable)', collect)
    .option('--max-params <n>', 'at most this many parameters in total, e.g. 70e9 or 70B')
    .option('--min-params <n>', 'at least this many parameters in total')
    .option('--modality <m>', 'must handle this modality: text, image, audio, video, code (repeatable)', collect)
    .option('--type <t>', 'base, instruct, reasoning or other (repeatable)', collect)
    .option('--measure <id>', 'rank by this capability measure: arena (lmarena-text) or a benchmark id', 'arena')
    .option('--top <n>', 'how many candidates to show', '10')
    .option('--as-of <date>', 'use only releases and scores dated on or before this day', 'today')
    .option('--json', 'print JSON only')
    .option('--snapshot <id>', SNAPSHOT_HELP)
    .option('--snapshots <dir>', SNAPSHOTS_HELP)
    .addHelpText('after', `
A release whose license terms are not registered, or whose relevant term no source states,
is left out by any constraint on that term (the output counts why releases were left out).
Example:
  aperture choose --license-allows commercial --no-user-cap --exclude-country CN --max-params 70e9 --measure arena`)
    .action(async (o: Record<string, unknown>, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseFlags(ChooseParams, {
        as_of: await asOfFlag(opts, o.asOf as string | undefined), measure: o.measure, license_allows: o.licenseAllows, no_user_cap: o.userCap === false ? true : undefined,
        output_training: o.outputTraining, osi: o.osi, ungated: o.ungated, country: o.country, exclude_country: o.excludeCountry,
        org: o.org, exclude_org: o.excludeOrg, max_params: o.maxParams, min_params: o.minParams, modality: o.modality, type: o.type, top: o.top,
      });
      const c = await withDb(opts, io, (db) => chooseView(db, params));
      emit(io, opts, c, () => {
        const lines = c.candidates.map((x) =>
          [
            `${x.rank}. ${x.name} (${x.id}) - ${x.org_name}, ${x.countries.join('/')}, ${formatParamCount(x.params_total)} params, ${x.date}`,
            `   ${x.score === null ? `no ${c.measure} score` : `${c.measure} ${x.score} (observed ${x.observed})`}; license ${x.license ?? 'none stated'}; ${x.access}`,
            ...(x.restrictions.length ? x.restrictions.map((r) => `   - ${r}`) : ['   - no restrictions recorded beyond the license text']),
          ].join('\n'),
        );
        const excluded = Object.entries(c.excluded).sort(([, a], [, b]) => b - a).map(([k, n]) => `${k} ${n}`).join(', ');
        return [renderWindow(c.window), '', ...(lines.length ? lines : ['(no release meets every constraint)']), '', `${c.matched} release(s) meet every constraint as of ${c.as_of}${excluded ? `; left out: ${excluded}` : ''}`].join('\n');
      });
    });
}
