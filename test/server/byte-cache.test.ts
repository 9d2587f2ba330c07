import { describe, expect, it } from 'vitest';
import { ByteCache } from '../../src/lib/byte-cache.js';

describe('ByteCache', () => {
  it('stays within its byte bound, evicting the least recently used first', () => {
    const c = new ByteCache<string>(10, (v) => v.length);
    c.set('a', 'aaaa');
    c.set('b', 'bbbb');
    expect(c.get('a')).toBe('aaaa'); // a is now the most recent
    c.set('c', 'cccc');
    expect(c.bytes).toBeLessThanOrEqual(10);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe('aaaa');
    expect(c.get('c')).toBe('cccc');
  });
  it('never keeps a value larger than the whole bound', () => {
    const c = new ByteCache<string>(10, (v) => v.length);
    c.set('a', 'aaa');
    c.set('big', 'x'.repeat(11));
    expect(c.get('big')).toBeUndefined();
    expect(c.get('a')).toBe('aaa');
  });
  it('computes once for concurrent callers and does not keep a failure', async () => {
    const c = new ByteCache<string>(100, (v) => v.length);
    let calls = 0;
    const compute = async () => {
      calls++;
      await new Promise((r) => setImmediate(r));
      return 'v';
    };
    expect(await Promise.all([c.through('k', compute), c.through('k', compute)])).toEqual(['v', 'v']);
    expect(calls).toBe(1);
    await expect(c.through('bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await c.through('bad', async () => 'ok')).toBe('ok');
  });
  it('bounds a crawl of many distinct keys', () => {
    const c = new ByteCache<string>(1000, (v) => v.length);
    for (let i = 0; i < 10_000; i++) c.set(`/releases.json?page=${i}`, 'x'.repeat(100));
    expect(c.bytes).toBeLessThanOrEqual(1000);
    expect(c.count).toBe(10);
  });
});
