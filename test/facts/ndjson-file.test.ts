import { describe, expect, it } from 'vitest';
import { parseNdjsonText } from '../../src/facts/ndjson-file.js';

describe('parseNdjsonText', () => {
  it('reads one record per line, skipping comments and blank lines, and knows each record\'s line', () => {
    const { yaml, diagnostics } = parseNdjsonText('# header\n#\n{"id":"a"}\n\n{"id":"b","x":[1]}\n', 'f.ndjson');
    expect(diagnostics).toEqual([]);
    expect(yaml!.data).toEqual([{ id: 'a' }, { id: 'b', x: [1] }]);
    expect(yaml!.lineOf([0])).toBe(3);
    expect(yaml!.lineOf([1, 'x', 0])).toBe(5);
  });
  it('reports every line that is not one JSON object, with its line number', () => {
    const { yaml, diagnostics } = parseNdjsonText('{"id":"a"}\n{"id":\n[1,2]\n', 'f.ndjson');
    expect(yaml).toBeUndefined();
    expect(diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([['f.ndjson', 2, 'json'], ['f.ndjson', 3, 'json']]);
    expect(diagnostics[1]!.message).toContain('expected one JSON object');
  });
  it('assembles a single record from its head line and one list item per line', () => {
    const { yaml } = parseNdjsonText('# h\n{"dataset":{"id":"d"}}\n{"entry":"e1"}\n{"entry":"e2"}\n', 'p.ndjson', { list: 'entries' });
    expect(yaml!.data).toEqual({ dataset: { id: 'd' }, entries: [{ entry: 'e1' }, { entry: 'e2' }] });
    expect(yaml!.lineOf(['entries', 1, 'entry'])).toBe(4);
    expect(yaml!.lineOf(['dataset', 'id'])).toBe(2);
  });
});
