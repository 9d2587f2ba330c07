import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

// The library ships locales as JSON; register English once so names can be shown.
const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

/** True for an assigned ISO 3166-1 alpha-2 code, upper case (e.g. "US", "CN", "FR"). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function countryName(code: string): string {
  return countries.getName(code, 'en', { select: 'alias' }) ?? code;
}

export function allCountryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes());
}
