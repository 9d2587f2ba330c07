import type { Command } from 'commander';
import path from 'node:path';
import { z } from 'zod';
import { displayPath } from '../../../lib/paths.js';
import { AsOfParam, Measure } from '../../../views/analytics-params.js';
import { progressBar } from '../../report/progress.js';
import { REPORT_STEPS, writeReport } from '../../report/write.js';
import { emit, withDb, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { parseFlags } from './analytics-flags.js';

const ReportParams = z.strictObject({
  as_of: AsOfParam,
  out: z.string({ error: 'give the folder to write the report into, e.g. --out report/' }).min(1),
  format: z.enum(['html', 'md']).default('html'),
  measure: Measure,
});

export function registerReport(program: Command, io: CliIO): void {
  program
    .command('report')
    .description('write a self-contained "state of AI openness" report: findings, claim verdicts with evidence, SVG charts, tables, every source cited')
    .requiredOption('--out <dir>', 'folder to write into (index.html, or report.md and charts/*.svg)')
    .option('--format <format>', 'html (one file, opens without a server) or md', 'html')
    .option('--as-of <date>', 'use only facts dated on or before this day (YYYY-MM-DD, YYYY-MM, YYYY or today)', 'today')
    .option('--measure <id>', 'capability measure for the best-open and gap sections: arena (lmarena-text) or a benchmark id', 'arena')
    .option('--json', 'print the written files as JSON')
    .action(async (o: Record<string, string>, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseFlags(ReportParams, { as_of: o.asOf, out: o.out, format: o.format, measure: o.measure });
      const bar = progressBar(!opts.json);
      let done = 0;
      const files = await withDb(opts, io, async (db) => {
        bar.start(REPORT_STEPS, 'report');
        try {
          return await writeReport(db, { asOf: params.as_of, measure: params.measure, format: params.format, outDir: path.resolve(params.out), step: () => bar.update(++done) });
        } finally {
          bar.stop();
        }
      });
      emit(io, opts, { as_of: params.as_of, format: params.format, files }, () => `wrote ${files.map((f) => displayPath(f)).join(', ')} (as of ${params.as_of})`);
    });
}
