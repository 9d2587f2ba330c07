import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cache = new Map<string, string>();

/** The text of a named SQL file in src/store/sql/ (read once). */
export function sqlFile(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(fileURLToPath(new URL(`./sql/${name}.sql`, import.meta.url)), 'utf8');
    cache.set(name, text);
  }
  return text;
}
