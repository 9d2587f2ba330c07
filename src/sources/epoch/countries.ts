import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

/** Epoch spells some countries the UN way; the ISO library knows other spellings. */
const SPELLINGS: Record<string, string> = {
  'Korea (Republic of)': 'KR',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  'Iran (Islamic Republic of)': 'IR',
  Vietnam: 'VN',
  'Viet Nam': 'VN',
  Russia: 'RU',
  Taiwan: 'TW',
};

/** ISO code of an Epoch country name; undefined for "Multinational" and unknown names. */
export function countryCode(name: string): string | undefined {
  const n = name.trim();
  if (!n || n === 'Multinational') return undefined;
  return SPELLINGS[n] ?? countries.getAlpha2Code(n, 'en') ?? undefined;
}

/**
 * Epoch's country field joins the countries of every co-developing organization
 * ("United States of America,China,China"): split it into codes, keeping order, dropping repeats.
 */
export function splitCountries(field: string): string[] {
  const out: string[] = [];
  for (const part of field.split(',')) {
    const code = countryCode(part);
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}
