import { describe, expect, it } from 'vitest';
import { resolveQueryDate } from '../../src/domain/index.js';
import { resolveAsOf } from '../../src/analytics/as-of.js';
import { cli } from '../helpers/cli.js';
import { VALID_DATA } from '../helpers/fixture-data.js';

describe('resolveQueryDate(text, edge, today)', () => {
  const today = '2026-11-29';
  it('resolves partial dates to their first or last day', () => {
    expect(resolveQueryDate('2024', 'start', today)).toBe('2024-01-01');
    expect(resolveQueryDate('2024', 'end', today)).toBe('2024-12-31');
    expect(resolveQueryDate('2024-02', 'end', today)).toBe('2024-02-29');
    expect(resolveQueryDate('2026', 'end', today)).toBe('2026-12-31');
  });
  it('refuses impossible dates, naming what is wrong', () => {
    expect(resolveQueryDate('2024-13', 'start', today)).toEqual({ error: '2024-13 is not a real date: month 13 does not exist' });
    expect(resolveQueryDate('2025-02-30', 'start', today)).toEqual({ error: '2025-02-30 is not a real date: February 2025 has 28 days' });
  });
  it('refuses dates outside 2012..today with the range in the message', () => {
    expect(resolveQueryDate('0000', 'end', today)).toEqual({ error: '0000 is before 2012; dates run from 2012 to today (2026-11-29)' });
    expect(resolveQueryDate('9999-12-31', 'end', today)).toEqual({ error: '9999-12-31 is after today (2026-11-29); dates run from 2012 to today' });
    expect(resolveQueryDate('2026-11-30', 'end', today)).toMatchObject({ error: expect.stringContaining('after today') });
  });
  it('as_of goes through it', () => {
    expect(resolveAsOf('9999-12-31', new Date('2026-11-29T00:00:00Z'))).toMatchObject({ error: expect.stringContaining('after today') });
    expect(resolveAsOf('today', new Date('2026-11-29T00:00:00Z'))).toBe('2026-11-29');
  });
});

describe('CLI date options use the same schema', () => {
  for (const args of [['releases', '--since', '2024-13'], ['releases', '--until', '2025-02-30'], ['gap', '--as-of', '9999-12-31'], ['best-open', '--as-of', '0000'], ['claims', '--as-of', '2011']]) {
    it(`${args.join(' ')} -> exit 1 with a clear message`, async () => {
      const r = await cli('--data', VALID_DATA, '--db', `/tmp/aperture-query-date-${process.pid}.duckdb`, ...args);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/error: --(since|until|as_of|as-of)?.*(month 13|28 days|after today|before 2012)/);
    });
  }
});
