/**
 * The dashboard's colours, one per country and one per access channel, shared by every chart,
 * the report and the static export, so China is the same colour wherever it is drawn.
 * Every colour here has at least 3:1 contrast against white (WCAG 2.1, non-text contrast);
 * test/web/palette.test.ts checks it. Labels always accompany colour, so no chart relies on it.
 */

/** Fixed colours for the countries with the most labs; the rest get one of FALLBACK by code. */
const COUNTRY: Record<string, string> = {
  US: '#1f5fbf', // blue
  CN: '#c0392b', // red
  FR: '#7b3fa0', // purple
  GB: '#0f7c8c', // teal
  DE: '#6b5b00', // olive
  CA: '#b35900', // orange
  AE: '#117733', // green
  JP: '#a0306e', // magenta
  KR: '#2e4a8a', // navy
  IL: '#8c510a', // brown
  IN: '#5a6e00', // moss
  SG: '#9b2f4f', // wine
  CH: '#00707a', // dark cyan
};

const FALLBACK = ['#4b5d8f', '#8a4b2e', '#3d6b4a', '#7a4a7f', '#5c6166', '#8a6a00', '#356e8e', '#94405a'];

/** A country's colour by its ISO code (stable: the same code always gets the same colour). */
export function countryColor(code: string): string {
  const known = COUNTRY[code.toUpperCase()];
  if (known) return known;
  let h = 0;
  for (const ch of code.toUpperCase()) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK[h % FALLBACK.length]!;
}

/** A chart's `colors` for series named after countries: series name -> the country's colour. */
export function countryColors(series: readonly { code: string; name: string }[]): Record<string, string> {
  return Object.fromEntries(series.map((s) => [s.name, countryColor(s.code)]));
}

export const ACCESS_ORDER = ['open-weights', 'gated-weights', 'api', 'hosted-app', 'none'] as const;
export const ACCESS_TEXT = ['open weights', 'gated weights', 'API', 'hosted app', 'unreleased'] as const;
/** Open weights green, gated blue, API orange, hosted app magenta, unreleased grey. */
export const ACCESS_COLORS = ['#0b7a52', '#1f6fb5', '#b35900', '#a0306e', '#6e6e6e'] as const;

export const accessColor = (channel: string) => ACCESS_COLORS[ACCESS_ORDER.indexOf(channel as never)] ?? '#6e6e6e';

/** Two-way comparisons (best open vs best closed): the open and the closed access colours. */
export const OPEN_CLOSED = { 'best open': ACCESS_COLORS[0], 'best closed': '#c0392b' } as const;

/** Points drawn from fewer releases than the minimum (see MIN_SAMPLE) are drawn in this grey. */
export const SMALL_SAMPLE = '#8c8c8c';

export const VERDICT_COLORS = ['#0b7a52', '#8a6a00', '#c0392b', '#6e6e6e'] as const;

/** Every colour a chart may draw with, for the contrast test. */
export const ALL_COLORS = [...Object.values(COUNTRY), ...FALLBACK, ...ACCESS_COLORS, ...Object.values(OPEN_CLOSED), ...VERDICT_COLORS];

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
