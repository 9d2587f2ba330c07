import type { z } from 'zod';
import { CliError } from '../../lib/errors.js';

/** Validates command-line values with the view's schema; a bad flag is a usage error (exit 1). */
export function parseParams<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.infer<S> {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse(defined);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`);
  throw new CliError(problems.join('\n'), { hint: 'see --help for the accepted values' });
}
