/**
 * HTML built from tagged templates where every interpolated value is escaped unless it is
 * already `Html`. Data may contain markup (a release named `<script>` is text, not a script),
 * so escaping is the default and opting out is explicit and rare.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

/** Trusted markup produced by our own code (e.g. an SVG chart serialized by jsdom). */
export const raw = (markup: string): Html => new Html(markup);

/**
 * JSON for a `<script type="application/json">` block: `<` is escaped so a value containing
 * `</script>` cannot end the block early.
 */
export function jsonScript(id: string, data: unknown): Html {
  const text = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return html`<script type="application/json" id="${id}">${raw(text)}</script>`;
}

/** ` name="value"`, or nothing when the value is absent: optional attributes stay valid HTML. */
export function attr(name: string, value: string | number | null | undefined | false): Html {
  if (value === null || value === undefined || value === false) return new Html('');
  return new Html(` ${name}="${escapeHtml(String(value))}"`);
}
