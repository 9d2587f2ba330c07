import type { z } from 'zod';

/** One problem with a request, e.g. `{ path: 'country', message: 'expected a two-letter code' }`. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one error body of the API, for every failure: bad parameters, unknown ids, bugs. */
export interface ErrorBody {
  ok: false;
  error: string;
  errors: ErrorDetail[];
  status: number;
}

/** An error that becomes a response with its status; anything else is a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const errorBody = (status: number, error: string, errors: ErrorDetail[] = []): ErrorBody => ({ ok: false, error, errors, status });

export const notFound = (what: string) => new HttpError(404, what);

/** A zod failure as a 400 naming each bad parameter, e.g. `country: expected a two-letter country code`. */
export function badParams(error: z.ZodError, where = 'query'): HttpError {
  const errors: ErrorDetail[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: key, message: `unknown parameter "${key}"` });
    } else {
      errors.push({ path: issue.path.join('.') || where, message: issue.message });
    }
  }
  const summary = errors.map((e) => (e.message.startsWith('unknown parameter') ? e.message : `${e.path}: ${e.message}`)).join('; ');
  return new HttpError(400, `invalid ${where} parameters: ${summary}`, errors);
}
