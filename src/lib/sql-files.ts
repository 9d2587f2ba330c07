import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A reader of named `.sql` files in one folder, each read from disk once. SQL lives in files
 * next to the code that runs it, so it can be read and commented as SQL.
 */
export function sqlLoader(folder: URL): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let text = cache.get(name);
    if (text === undefined) {
      text = readFileSync(fileURLToPath(new URL(`${name}.sql`, folder)), 'utf8');
      cache.set(name, text);
    }
    return text;
  };
}
