import { describe, expect, it } from 'vitest';
import { plotOptions, type ChartSpec } from '../../src/surfaces/web/charts/specs.js';

const lines = (scores: number[]): ChartSpec => ({
  kind: 'score-lines', title: 't', y: 'y',
  data: scores.map((score, i) => ({ date: `2025-0${i + 1}-01`, series: 'CN', score, label: '' })),
});
const yAxis = (spec: ChartSpec) => plotOptions(spec, { width: 600, interactive: false }).y as Record<string, unknown>;

describe('plotOptions(score-lines)', () => {
  it('abbreviates ticks of counts in the millions so they fit the margin', () => {
    expect(yAxis(lines([4_800_000, 5_200_000])).tickFormat).toBe('~s');
  });
  it('writes arena ratings and percentages out in full', () => {
    expect(yAxis(lines([1288, 1302])).tickFormat).toBeUndefined();
    expect(yAxis(lines([45.5, 61.2])).tickFormat).toBeUndefined();
  });
});

describe('plotOptions(value-bars)', () => {
  it('puts the largest bar first', () => {
    const spec: ChartSpec = { kind: 'value-bars', title: 't', x: 'x', data: [{ label: 'UK', value: 3, note: '' }, { label: 'China', value: 14, note: '' }, { label: 'France', value: 9, note: '' }] };
    expect(yAxis(spec).domain).toEqual(['China', 'France', 'UK']);
  });
});
