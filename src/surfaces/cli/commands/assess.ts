import type { Command } from 'commander';
import { CliError } from '../../../lib/errors.js';
import { closest } from '../../../lib/suggest.js';
import type { Assessment } from '../../../assess/index.js';
import { RUBRICS, RUBRIC_TITLES, assessView, type Rubric } from '../../../views/assess.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { renderTable } from '../table.js';

interface StoredAssessment {
  rubric: Rubric;
  version: string;
  summary: string;
  result: Assessment[Rubric];
}

function parseRubric(value: string | undefined): Rubric | undefined {
  if (value === undefined) return undefined;
  if ((RUBRICS as readonly string[]).includes(value)) return value as Rubric;
  const guess = closest(value, RUBRICS);
  throw new CliError(`unknown rubric "${value}"`, { hint: guess ? `did you mean "${guess}"? rubrics: ${RUBRICS.join(', ')}` : `rubrics: ${RUBRICS.join(', ')}` });
}

/** Extra detail for the rubrics whose reasons read best as a table. */
function detail(a: StoredAssessment): string[] {
  if (a.rubric === 'mof') {
    const mof = a.result as Assessment['mof'];
    return ['', renderTable(mof.classes.map((c) => ({ class: c.label, reached: c.reached, complete: `${c.completeness}%` })), [
      { key: 'class' }, { key: 'reached' }, { key: 'complete', align: 'right' },
    ])];
  }
  if (a.rubric === 'osai') {
    const osai = a.result as Assessment['osai'];
    const theirs = osai.theirs?.grades;
    return ['', renderTable(osai.params.map((p) => ({ parameter: p.label, ours: p.grade, index: theirs?.[p.param] ?? '', why: p.reason })), [
      { key: 'parameter' }, { key: 'ours' }, ...(theirs ? [{ key: 'index' as const }] : []), { key: 'why', max: 90 },
    ])];
  }
  return [];
}

function render(assessments: StoredAssessment[], name: string, id: string): string {
  const blocks = assessments.map((a) => {
    // OSAI reasons are the table rows already; the others list their reasons.
    const reasons = a.rubric === 'osai' ? (a.result as Assessment['osai']).reasons.filter((r) => r.startsWith('the index itself')) : a.result.reasons;
    return [`${RUBRIC_TITLES[a.rubric]} (v${a.version}): ${a.summary}`, ...reasons.map((r) => `  - ${r}`), ...detail(a)].join('\n');
  });
  return [`${name} (${id})`, '', blocks.join('\n\n')].join('\n');
}

export function registerAssess(program: Command, io: CliIO): void {
  program
    .command('assess <release-id>')
    .description('openness rubrics for one release, with their reasons: license, access tier, MOF, OSAI grades, OSAID, profile')
    .option('--rubric <name>', `only one rubric: ${RUBRICS.join(', ')}`)
    .option('--json', 'print JSON only')
    .action(async (id: string, _o, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions & { rubric?: string }>();
      const only = parseRubric(opts.rubric);
      const view = await withDb(opts, io, (db) => assessView(db, id, only ? { rubric: only } : {}));
      if (!view) throw new CliError(`no release with id "${id}"`, { hint: 'list ids with `aperture releases --q <text>`' });
      const rubrics = view.rubrics as unknown as StoredAssessment[];
      const json = only
        ? { release: id, rubric: only, version: rubrics[0]?.version, result: rubrics[0]?.result }
        : { release: id, versions: Object.fromEntries(rubrics.map((a) => [a.rubric, a.version])), ...Object.fromEntries(rubrics.map((a) => [a.rubric, a.result])) };
      emit(io, opts, json, () => render(rubrics, view.release.name, id));
    });
}
