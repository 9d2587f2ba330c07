import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsFixture } from '../analytics/fixture.js';

let fx: Awaited<ReturnType<typeof analyticsFixture>>;
beforeAll(async () => {
  fx = await analyticsFixture();
});
afterAll(() => fx.cleanup());

describe('aperture report --format html', () => {
  let html: string;
  beforeAll(async () => {
    const out = path.join(fx.root, 'html');
    const r = await fx.q('report', '--as-of', '2025-12-04', '--out', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<{ files: string[] }>().files).toEqual([path.join(out, 'index.html')]);
    html = await readFile(path.join(out, 'index.html'), 'utf8');
  });
  it('is one self-contained file: inline SVG charts, no script, nothing fetched', () => {
    expect(html.match(/<svg[\s>]/g)?.length).toBe(5);
    expect(html).not.toMatch(/<script|<link |src="http/);
    for (const id of ['trajectory-country', 'trajectory-lab', 'best-open-country', 'frontier-gap', 'adoption']) expect(html).toContain(`id="fig-${id}"`);
  });
  it('draws the charts with their marks', () => {
    expect(html).toContain('aria-label="line"');
    expect(html).toContain('aria-label="cell"');
    // Adoption is one bar per country for the latest month observed, not a line of lone points.
    const adoption = /<figure id="fig-adoption">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(adoption).toContain('aria-label="bar"');
    expect(adoption).not.toContain('aria-label="line"');
  });
  it('shows every claim with its verdict as of the date and the evidence', () => {
    for (const id of ['best-open-chinese', 'openai-stopped-open', 'meta-wang']) expect(html).toContain(`id="claim-${id}"`);
    expect(html).toContain('<span class="verdict partly-supported">partly-supported</span> as of 2025-12-04');
  });
  it('cites every source it links to, with its URL', () => {
    const linked = [...html.matchAll(/href="#src-([^"]+)"/g)].map((m) => m[1]);
    expect(linked.length).toBeGreaterThan(0);
    for (const id of new Set(linked)) expect(html).toContain(`<li id="src-${id}">`);
    expect(html).toContain('https://example.org/arena');
  });
  it('uses only facts dated on or before the date', () => {
    expect(html).not.toContain('deepseek-v3.2');
    expect(html).not.toContain('Muse Spark');
  });
});

describe('aperture report --format md', () => {
  it('writes report.md with its charts as SVG files beside it', async () => {
    const out = path.join(fx.root, 'md');
    const r = await fx.q('report', '--as-of', '2025-12-04', '--out', out, '--format', 'md');
    expect(r.code, r.stderr).toBe(0);
    const md = await readFile(path.join(out, 'report.md'), 'utf8');
    await expect(md).toMatchFileSnapshot('./golden/report.md');
    const charts = (await readdir(path.join(out, 'charts'))).sort();
    expect(charts).toEqual(['adoption.svg', 'best-open-country.svg', 'frontier-gap.svg', 'trajectory-country.svg', 'trajectory-lab.svg']);
    for (const c of charts) {
      expect(md).toContain(`](charts/${c})`);
      expect(await readFile(path.join(out, 'charts', c), 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
  });
  it('needs --out', async () => {
    const r = await fx.q('report');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("required option '--out <dir>'");
  });
});
