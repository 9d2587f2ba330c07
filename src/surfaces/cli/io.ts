/** Where a command writes; injected so tests can capture output without spawning a process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Human tables on a terminal; only used for cosmetic choices, never to change JSON output. */
  isTTY: boolean;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  isTTY: Boolean(process.stdout.isTTY),
};
