/**
 * Benchmarks of history as data on the shipped fact base: taking a snapshot, opening one as a
 * database, a query from a snapshot against the same query on the built base, exporting every
 * table as Parquet, and a diff of a snapshot against the current base. Saves a table under
 * bench/results/history-<time>.md. Run with `npx tsx bench/history.ts` (builds the base first).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultDataDir, PACKAGE_ROOT } from '../src/lib/paths.js';
import { buildDatabase } from '../src/store/build.js';
import { openDb } from '../src/store/db.js';
import { openSnapshotDb } from '../src/store/snapshots/open.js';
import { GapParams, gapView } from '../src/views/gap.js';
import { takeSnapshot } from '../src/views/history/snapshot.js';
import { exportAll } from '../src/views/history/exports.js';
import { currentSide, diffBases } from '../src/views/history/diff.js';

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

const root = await mkdtemp(path.join(tmpdir(), 'aperture-bench-history-'));
const dbPath = path.join(root, 'aperture.duckdb');
const built = await buildDatabase({ dataDir: defaultDataDir(), dbPath });
if (!built.ok) throw new Error('build failed');
const db = await openDb(dbPath, { readOnly: true });
const rows: [string, number][] = [];
const RUNS = 3;
for (let i = 0; i < RUNS; i++) {
  const [ms, snap] = await time(() => takeSnapshot({ db, root: path.join(root, `snapshots-${i}`) }));
  rows.push(['snapshot (every table as Parquet, checksums)', ms]);
  if (!snap.ok) throw new Error(snap.error);
  const [openMs, opened] = await time(() => openSnapshotDb(snap.value));
  rows.push(['open a snapshot (verify + load into memory)', openMs]);
  if (!opened.ok) throw new Error(opened.error);
  const params = GapParams.parse({ as_of: snap.value.date });
  rows.push(['gap on the built base', (await time(() => gapView(db, params)))[0]]);
  rows.push(['gap from the snapshot', (await time(() => gapView(opened.value, params)))[0]]);
  rows.push(['diff snapshot vs current (claims verdicts computed for current)', (await time(() => diffBases({ ref: 's', id: snap.value.id, date: snap.value.date, db: opened.value }, currentSide(db))))[0]]);
  opened.value.close();
  rows.push(['export all as Parquet', (await time(() => exportAll(db, 'parquet', path.join(root, `export-${i}`), snap.value.date)))[0]]);
}
db.close();
await rm(root, { recursive: true, force: true });
const names = [...new Set(rows.map(([n]) => n))];
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const table = [
  `# History benchmarks, ${stamp} (shipped data, ${RUNS} runs; machine shared with other work, timings noisy)`,
  '',
  '| step | median ms | min ms | max ms |',
  '|---|---|---|---|',
  ...names.map((n) => {
    const t = rows.filter(([x]) => x === n).map(([, ms]) => ms).sort((a, b) => a - b);
    return `| ${n} | ${Math.round(t[Math.floor(t.length / 2)]!)} | ${Math.round(t[0]!)} | ${Math.round(t.at(-1)!)} |`;
  }),
  '',
].join('\n');
await mkdir(path.join(PACKAGE_ROOT, 'bench', 'results'), { recursive: true });
await writeFile(path.join(PACKAGE_ROOT, 'bench', 'results', `history-${stamp}.md`), table);
console.log(table);
