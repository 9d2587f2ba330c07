import { describe, expect, it } from 'vitest';
import { ALL_COLORS, contrast, countryColor, SMALL_SAMPLE } from '../../src/surfaces/web/charts/palette.js';
import { PALETTE, plotOptions } from '../../src/surfaces/web/charts/specs.js';
import { chartSvg } from '../../src/surfaces/web/charts/render.js';

describe('the palette', () => {
  it('every chart colour has at least 3:1 contrast on white', () => {
    for (const c of [...ALL_COLORS, ...PALETTE, SMALL_SAMPLE]) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
  });

  it('contrast() agrees with WCAG on known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 1);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 1);
    expect(contrast('#efb118', '#ffffff')).toBeLessThan(3);
  });

  it('a country has one colour whatever chart or order it comes in', () => {
    expect(countryColor('CN')).toBe(countryColor('cn'));
    expect(countryColor('CN')).not.toBe(countryColor('US'));
    expect(countryColor('ZZ')).toBe(countryColor('ZZ'));
  });
});

describe('period-shares charts', () => {
  const spec = {
    kind: 'period-shares' as const, title: 't', y: 'share', periods: ['2022', '2023', '2024', '2025'], min: 10, partial: '2025',
    data: [
      { period: '2022', group: 'A', share: 0.5, n: 10, total: 20 },
      // 2023 missing: the line must break there
      { period: '2024', group: 'A', share: 0.6, n: 12, total: 20 },
      { period: '2025', group: 'A', share: 1, n: 1, total: 1 },
    ],
  };

  it('breaks lines at gaps and at small samples, and never joins a small sample', () => {
    const o = plotOptions(spec, { width: 600, interactive: false });
    const lines = (o.marks as { data?: unknown }[]).filter((m) => Array.isArray(m.data) && (m.data as { share: number }[]).some((d) => Number.isNaN(d.share)));
    const shares = lines.map((l) => (l.data as { period: string; share: number }[]).map((d) => [d.period, Number.isNaN(d.share) ? null : d.share]));
    // The coloured line joins only samples above the minimum; the faint grey one keeps small samples, and both break at 2023.
    expect(shares).toContainEqual([['2022', 0.5], ['2023', null], ['2024', 0.6], ['2025', null]]);
    expect(shares).toContainEqual([['2022', 0.5], ['2023', null], ['2024', 0.6], ['2025', 1]]);
    expect(shares).toHaveLength(2);
  });

  it('draws the small sample hollow grey, marks the partial period and writes text at 12 px at least', () => {
    const svg = chartSvg(spec);
    expect(svg).toContain(`stroke="${SMALL_SAMPLE}"`);
    expect(svg).toContain('not over');
    for (const m of svg.matchAll(/font-size="(\d+)/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(12);
  });
});
