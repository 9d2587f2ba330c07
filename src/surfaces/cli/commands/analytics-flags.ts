import type { z } from 'zod';
import { CliError } from '../../../lib/errors.js';
import { parseParams } from '../params.js';

/**
 * parseParams for the analytics commands, whose view parameters are snake_case (as_of,
 * max_params: the names the HTTP query strings use): problems name the flag the user typed
 * (--as-of, --max-params).
 */
export function parseFlags<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.infer<S> {
  try {
    return parseParams(schema, raw);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    throw new CliError(error.message.replace(/--([a-z_.]+)/g, (_, name: string) => `--${name.replace(/_/g, '-')}`), { hint: error.hint });
  }
}
