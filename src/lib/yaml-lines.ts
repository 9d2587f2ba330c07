import { stringify } from 'yaml';

/**
 * A YAML list written one flow mapping per line, as generated files are, so that the diff
 * between two runs shows one line per changed record. Repeated objects are written out, never
 * as anchors and aliases.
 */
export function yamlLines(items: readonly object[]): string {
  if (!items.length) return '[]\n';
  return items.map((item) => '- ' + stringify(item, { collectionStyle: 'flow', lineWidth: 0, aliasDuplicateObjects: false }).trim()).join('\n') + '\n';
}
