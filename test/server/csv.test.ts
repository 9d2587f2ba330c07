import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/surfaces/server/csv.js';

describe('toCsv(rows)', () => {
  it('writes a header row and CRLF line ends', () => {
    expect(toCsv([{ a: 1, b: 'x' }, { a: 2, b: 'y' }])).toBe('a,b\r\n1,x\r\n2,y\r\n');
  });
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(toCsv([{ a: 'x,y', b: 'say "hi"', c: 'two\nlines' }])).toBe('a,b,c\r\n"x,y","say ""hi""","two\nlines"\r\n');
  });
  it('joins lists with "; ", writes objects as JSON and null as empty', () => {
    expect(toCsv([{ a: ['x', 'y'], b: { k: 1 }, c: null }])).toBe('a,b,c\r\nx; y,"{""k"":1}",\r\n');
  });
  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv([{ a: '=HYPERLINK("x")', b: '@cmd', c: -3, d: '-2.5', e: '+x' }])).toBe(`a,b,c,d,e\r\n"'=HYPERLINK(""x"")",'@cmd,-3,-2.5,'+x\r\n`);
  });
  it('takes the columns of every row, in first-seen order', () => {
    expect(toCsv([{ a: 1 }, { b: 2 }])).toBe('a,b\r\n1,\r\n,2\r\n');
  });
});
