import { run } from '../../src/surfaces/cli/main.js';
import type { CliIO } from '../../src/surfaces/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

/** Runs the CLI in-process with captured output, as a user would type it. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { out: (s) => (stdout += s.endsWith('\n') ? s : s + '\n'), err: (s) => (stderr += s.endsWith('\n') ? s : s + '\n'), isTTY: false };
  const code = await run(argv, io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}
