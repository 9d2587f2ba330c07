import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYTICS_DATA } from '../analytics/fixture.js';
import { cli } from '../helpers/cli.js';
import { md } from '../../src/surfaces/report/markdown.js';

/** Appended to every name, title, publisher, speaker and statement of the analytics fixture. */
const HOSTILE = ' <img src=x onerror=alert(1)> [x](javascript:alert(1)) | **b** `c` <script>alert(2)</script>';
const TEXT_FIELD = /^(\s*(?:- )?(?:name|title|publisher|speaker|statement|explanation): )([^"'\[{\n][^\n]*)$/gm;

async function hostileCopy(root: string): Promise<string> {
  const dataDir = path.join(root, 'data');
  await cp(ANALYTICS_DATA, dataDir, { recursive: true });
  for (const rel of await readdir(dataDir, { recursive: true })) {
    if (!rel.endsWith('.yaml')) continue;
    const file = path.join(dataDir, rel);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(TEXT_FIELD, (_m, head: string, value: string) => `${head}${JSON.stringify(value.trim() + HOSTILE)}`));
  }
  return dataDir;
}

describe('md escapes text from the fact base', () => {
  it('turns markup into entities and Markdown syntax into literals', () => {
    expect(md('<b>x</b> & [a](javascript:1) | *y* `z`\nnext')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; \\[a\\](javascript:1) \\| \\*y\\* \\`z\\` next');
  });
});

describe('aperture report with markup in every text field', () => {
  let root: string;
  let q: (...args: string[]) => ReturnType<typeof cli>;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'aperture-markup-'));
    const dataDir = await hostileCopy(root);
    q = (...args) => cli('--data', dataDir, '--db', path.join(root, 'a.duckdb'), ...args);
    const built = await q('build');
    expect(built.code, built.stderr).toBe(0);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('--format md writes the markup as inert text, table cells included', async () => {
    const r = await q('report', '--as-of', '2025-12-04', '--out', path.join(root, 'md'), '--format', 'md');
    expect(r.code, r.stderr).toBe(0);
    const text = await readFile(path.join(root, 'md', 'report.md'), 'utf8');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).not.toMatch(/<img|<script|(?<!\\)\]\(javascript/);
    // Every table row keeps its column count: no cell's pipe opened a new column.
    for (const block of text.split('\n\n').filter((b) => b.startsWith('| '))) {
      const lines = block.split('\n');
      const columns = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      for (const l of lines) expect(columns(l), l).toBe(columns(lines[0]!));
    }
  });

  it('--format html escapes it too', async () => {
    const r = await q('report', '--as-of', '2025-12-04', '--out', path.join(root, 'html'));
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(path.join(root, 'html', 'index.html'), 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|<script/);
  });
});
