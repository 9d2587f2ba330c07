import { describe, expect, it } from 'vitest';
import { attr, html, jsonScript, raw } from '../../src/surfaces/web/html.js';
import { licenseLinks } from '../../src/surfaces/web/format.js';

const href = (p: string) => `/base${p}`;

describe('html`...`', () => {
  it('escapes every interpolated value', () => {
    expect(html`<p title="${'"x" & y'}">${'<script>alert(1)</script>'}</p>`.value).toBe('<p title="&quot;x&quot; &amp; y">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
  it('keeps Html values and joins lists', () => {
    expect(html`<ul>${['a<', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
    expect(html`${raw('<svg></svg>')}`.value).toBe('<svg></svg>');
  });
  it('writes nothing for null, undefined and false', () => {
    expect(html`[${null}${undefined}${false}]`.value).toBe('[]');
  });
});

describe('attr(name, value)', () => {
  it('renders an escaped attribute, or nothing when absent', () => {
    expect(attr('aria-sort', 'ascending').value).toBe(' aria-sort="ascending"');
    expect(attr('title', '"<>"').value).toBe(' title="&quot;&lt;&gt;&quot;"');
    expect(attr('aria-sort', undefined).value).toBe('');
  });
});

describe('jsonScript(id, data)', () => {
  it('cannot be closed early by data holding </script>', () => {
    const s = jsonScript('x', { name: '</script><script>alert(1)</script>' }).value;
    expect(s.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(s.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, ''))).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});

describe('licenseLinks(expression, href)', () => {
  it('links each id of an expression and keeps the operators as text', () => {
    expect(String(licenseLinks('Apache-2.0 OR MIT', href))).toBe('<a href="/base/licenses/Apache-2.0">Apache-2.0</a> OR <a href="/base/licenses/MIT">MIT</a>');
  });
  it('links "or later" ids to the base license', () => {
    expect(String(licenseLinks('GPL-3.0+', href))).toBe('<a href="/base/licenses/GPL-3.0">GPL-3.0+</a>');
  });
  it('says so when there is no license', () => {
    expect(licenseLinks(null, href)).toBe('none stated');
  });
});
