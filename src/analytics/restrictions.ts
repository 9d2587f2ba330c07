import type { LicenseTerms } from '../domain/license.js';
import { termsAsLines } from '../assess/license-terms.js';

/**
 * A weights license's restrictions in plain words, for the chooser: how the weights are
 * obtained, then the license's terms in the words every surface uses (assess/license-terms).
 * Only what the structured terms say; a term no source states is reported as unknown.
 */
export function restrictionsInPlainWords(terms: LicenseTerms | null, opts: { license: string | null; gated: boolean }): string[] {
  const out: string[] = [];
  if (opts.gated) out.push('weights download only after accepting terms or an approval on the Hub');
  if (!opts.license) return [...out, 'no license is stated for the weights'];
  if (!terms) return [...out, `the terms of ${opts.license} are not registered, so its restrictions are unknown`];
  return [...out, ...termsAsLines(terms)];
}
