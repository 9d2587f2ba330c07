import parse, { type SpdxNode } from 'spdx-expression-parse';

/**
 * The license ids named by an SPDX expression ("MIT OR Apache-2.0" -> [MIT, Apache-2.0]), or an
 * error message when the expression is malformed or names an id SPDX does not know.
 * `LicenseRef-...` ids pass here; whether they are registered is checked against the registry.
 */
export function licenseIdsOf(expression: string): string[] | string {
  try {
    return collect(parse(expression));
  } catch {
    return `"${expression}" is not an SPDX license id, a LicenseRef- id, or an SPDX expression of them`;
  }
}

function collect(node: SpdxNode): string[] {
  if ('license' in node) return [node.license];
  return [...collect(node.left), ...collect(node.right)];
}
