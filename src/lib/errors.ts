import type { Diagnostic } from './diagnostic.js';

/**
 * An error the user can act on (bad flag, unknown id, invalid data). The CLI prints its message
 * and exits 1; anything else is unexpected and exits 2 with "run with --debug".
 */
export class CliError extends Error {
  readonly exitCode: number;
  readonly diagnostics: Diagnostic[];
  readonly hint?: string;

  constructor(message: string, opts: { exitCode?: number; diagnostics?: Diagnostic[]; hint?: string } = {}) {
    super(message);
    this.name = 'CliError';
    this.exitCode = opts.exitCode ?? 1;
    this.diagnostics = opts.diagnostics ?? [];
    this.hint = opts.hint;
  }
}

/** Errors as values: functions that can fail on user input return this instead of throwing. */
export type Result<T, E = Diagnostic[]> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
