#!/usr/bin/env node
// Compiles src/ to dist/ so the CLI starts from JavaScript (bin/aperture.mjs), not from tsx
// transpiling TypeScript at every run. Run by `npm install` (the `prepare` script) and by
// `npm run compile`. Copies the files src/ reads beside its modules (SQL, CSS), writes the
// top-level help the compiled CLI prints without loading every command, and stamps the
// output with the newest source time so bin/aperture.mjs can tell when dist/ is stale.
// Without TypeScript installed (a production install) it does nothing: the CLI runs the
// sources through tsx.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.stamp');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.error('compile: typescript is not installed; the CLI will run the TypeScript sources through tsx');
  process.exit(0);
}

const newest = newestSource(src);
rmSync(stampFile, { force: true });
// Type errors still emit JavaScript; `npm test` is where they fail.
const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (!existsSync(path.join(dist, 'surfaces', 'cli', 'main.js'))) {
  console.error(`compile: tsc produced no output (exit ${r.status}); the CLI will run the sources through tsx`);
  process.exit(0);
}
for (const file of listFiles(src)) {
  if (file.endsWith('.ts')) continue;
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  cpSync(path.join(src, file), path.join(dist, file));
}
const { createProgram } = await import(pathToFileURL(path.join(dist, 'surfaces', 'cli', 'main.js')).href);
const program = await createProgram({ out: () => {}, err: () => {}, isTTY: false });
writeFileSync(path.join(dist, 'surfaces', 'cli', 'help.txt'), program.helpInformation());
writeFileSync(stampFile, `${newest}\n`);
console.error(`compile: dist/ is up to date${r.status ? ' (with type errors: run npm run typecheck)' : ''}`);

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Kept identical to bin/aperture.mjs, which compares against this number. */
function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}
