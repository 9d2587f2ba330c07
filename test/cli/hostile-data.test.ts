import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/diagnostic.js';
import { cli } from '../helpers/cli.js';
import { scratchData } from '../helpers/fixture-data.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('aperture validate on hostile data', () => {
  it('100,000 errors in one file: exit 1, the first 50 printed with a count, --json complete', async () => {
    const s = await scratchData();
    cleanups.push(s.cleanup);
    await writeFile(path.join(s.dataDir, 'observations', 'capability', 'many.yaml'), '- {}\n'.repeat(20000));
    const printed = await cli('--data', s.dataDir, 'validate');
    expect(printed.code, printed.stderr.slice(-500)).toBe(1);
    expect(printed.stderr).toContain('many.yaml: 99950 more problem(s) not shown');
    expect(printed.stderr.split('\n').filter((l) => l.includes('many.yaml:') && l.includes(': error:'))).toHaveLength(50);
    const json = await cli('--data', s.dataDir, 'validate', '--json');
    expect(json.code).toBe(1);
    const body = json.json<{ errors: number; diagnostics: Diagnostic[] }>();
    expect(body.diagnostics.filter((d) => d.file.endsWith('many.yaml'))).toHaveLength(100000);
  }, 120_000);

  it('an ANSI escape in a value never reaches the terminal raw', async () => {
    const s = await scratchData();
    cleanups.push(s.cleanup);
    await writeFile(path.join(s.dataDir, 'orgs', 'evil.yaml'), 'id: evil\nname: Evil\nkind: "\\e[2J\\e[31mcompany"\ncountry: FR\nhf_namespaces: []\nsources: [about-pages]\n');
    const r = await cli('--data', s.dataDir, 'validate');
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('\\u001b[2J');
  });

  it('build refuses hostile data with exit 1 and keeps going past an alias bomb', async () => {
    const s = await scratchData();
    cleanups.push(s.cleanup);
    await writeFile(path.join(s.dataDir, 'observations', 'capability', 'bomb.yaml'), 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n');
    const r = await cli('--data', s.dataDir, '--db', path.join(s.root, 'a.duckdb'), 'build');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('bomb.yaml:2: error: aliases expand to too many nodes');
    expect(r.stderr).not.toContain('unexpected error');
  });
});
