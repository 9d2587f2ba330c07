#!/usr/bin/env node
// Runs the compiled CLI in dist/ (made by `npm install` through the `prepare` script, or
// `npm run compile`) when it is at least as new as every file in src/; otherwise runs the
// TypeScript sources through tsx (a dependency), so a fresh clone or an edited source tree
// works without a build step, just slower to start.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function compiledIsCurrent() {
  let stamp;
  try {
    stamp = Number(readFileSync(path.join(root, 'dist', '.stamp'), 'utf8'));
  } catch {
    return false;
  }
  const src = path.join(root, 'src');
  for (const e of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && statSync(path.join(e.parentPath, e.name)).mtimeMs > stamp) return false;
  }
  return true;
}

let main;
if (compiledIsCurrent()) main = path.join(root, 'dist', 'surfaces', 'cli', 'main.js');
else {
  if (process.stderr.isTTY) process.stderr.write('note: src/ changed since the last compile; running the sources through tsx (npm run compile starts faster)\n');
  const { register } = await import('tsx/esm/api');
  register();
  main = path.join(root, 'src', 'surfaces', 'cli', 'main.ts');
}
const { run } = await import(pathToFileURL(main).href);
// exitCode rather than exit(): exit() would cut off output still being written to a pipe.
process.exitCode = await run(process.argv.slice(2));
