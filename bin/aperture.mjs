#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx (a dependency), so the CLI needs no build
// step and nothing outside this repository.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/surfaces/cli/main.ts');
// exitCode rather than exit(): exit() would cut off output still being written to a pipe.
process.exitCode = await run(process.argv.slice(2));
