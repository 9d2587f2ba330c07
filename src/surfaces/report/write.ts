import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../store/db.js';
import { collectReport } from './data.js';
import { reportFigures } from './figures.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

export interface ReportOptions {
  asOf: string;
  measure: string;
  format: 'html' | 'md';
  outDir: string;
  step?: (label: string) => void;
}

export const REPORT_STEPS = 9;

/**
 * Writes the report into outDir: index.html (everything inline), or report.md with its charts
 * in charts/*.svg. Each file is written beside its target and renamed into place, so a failed
 * run never leaves a half-written report. Returns the files written.
 */
export async function writeReport(db: Db, o: ReportOptions): Promise<string[]> {
  const data = await collectReport(db, { asOf: o.asOf, measure: o.measure, step: o.step });
  o.step?.('charts');
  const figures = reportFigures(data);
  const files: [string, string][] =
    o.format === 'html'
      ? [['index.html', renderHtml(data, figures)]]
      : [['report.md', renderMarkdown(data, figures)], ...figures.map((f) => [path.join('charts', `${f.id}.svg`), f.svg] as [string, string])];
  await mkdir(o.outDir, { recursive: true });
  const written: string[] = [];
  for (const [rel, text] of files) {
    const target = path.join(o.outDir, rel);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.tmp-${process.pid}`;
    try {
      await writeFile(tmp, text, 'utf8');
      await rename(tmp, target);
    } finally {
      await rm(tmp, { force: true });
    }
    written.push(target);
  }
  return written;
}
