import type { LicenseTerms } from '../domain/license.js';
import { countryName, isCountryCode } from '../domain/countries.js';

/** Structured license terms as restrictions, obligations and unknowns in plain words. */
export interface TermsInWords {
  restrictions: string[];
  obligations: string[];
  unknownTerms: string[];
}

const REGIONS: Record<string, string> = { EU: 'the EU', EEA: 'the EEA' };

function place(code: string): string {
  const upper = code.toUpperCase();
  if (REGIONS[upper]) return REGIONS[upper];
  return isCountryCode(upper) ? countryName(upper) : code;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 700000000 -> "700 million"; 1500000 -> "1.5 million"; 50000 -> "50,000". */
export function humanCount(n: number): string {
  const scales: [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];
  for (const [size, word] of scales) {
    if (n >= size) return `${Number((n / size).toFixed(2))} ${word}`;
  }
  return n.toLocaleString('en-US');
}

export function termsInWords(t: LicenseTerms): TermsInWords {
  const restrictions: string[] = [];
  const obligations: string[] = [];
  const unknownTerms: string[] = [];

  if (t.commercial_use === 'forbidden') restrictions.push('commercial use is not allowed');
  if (t.commercial_use === 'unknown') unknownTerms.push('whether commercial use is allowed');
  const userCap = typeof t.user_threshold === 'number' ? t.user_threshold : null;
  const revenueCap = typeof t.revenue_threshold_usd === 'number' ? t.revenue_threshold_usd : null;
  if (t.commercial_use !== 'forbidden') {
    if (userCap !== null) restrictions.push(`commercial use needs a separate license above ${humanCount(userCap)} monthly active users`);
    if (revenueCap !== null) restrictions.push(`commercial use needs a separate license above $${humanCount(revenueCap)} annual revenue`);
    if (t.commercial_use === 'conditional' && userCap === null && revenueCap === null) {
      restrictions.push('commercial use is allowed only under conditions set by the licensor');
    }
  }
  if (t.user_threshold === 'unknown') unknownTerms.push('whether a user threshold applies');
  if (t.revenue_threshold_usd === 'unknown') unknownTerms.push('whether a revenue threshold applies');

  if (t.acceptable_use_policy === true) restrictions.push('an acceptable-use policy applies');
  if (t.acceptable_use_policy === 'unknown') unknownTerms.push('whether an acceptable-use policy applies');
  if (t.field_of_use_limits.length > 0) restrictions.push(`it may not be used for ${joinWords(t.field_of_use_limits.map((f) => `"${f}"`))}`);
  if (t.territorial_exclusions.length > 0) {
    restrictions.push(`users in ${joinWords(t.territorial_exclusions.map(place))} get no rights`);
  }
  if (t.output_training_limit === true) restrictions.push('outputs may not be used to train or improve other models');
  if (t.output_training_limit === 'unknown') unknownTerms.push('whether outputs may train other models');
  if (t.revocable === true) restrictions.push('the licensor may terminate or change the grant at will');
  if (t.revocable === 'unknown') unknownTerms.push('whether the grant can be revoked');

  if (t.attribution_required === true) obligations.push('attribution is required');
  if (t.attribution_required === 'unknown') unknownTerms.push('whether attribution is required');
  if (t.naming_requirement) obligations.push(`naming duty: ${t.naming_requirement}`);
  if (t.share_alike === true) obligations.push('modified versions must be shared under the same license');
  if (t.share_alike === 'unknown') unknownTerms.push('whether modified versions must use the same license');

  return { restrictions, obligations, unknownTerms };
}

/** Every term as one line: restrictions, then obligations, then what no source states. */
export function termsAsLines(t: LicenseTerms): string[] {
  const w = termsInWords(t);
  const lines = [...w.restrictions, ...w.obligations, ...w.unknownTerms.map((u) => `unknown: ${u}`)];
  return lines.length ? lines : ['no restrictions or obligations are recorded'];
}
