import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/surfaces/cli/main.js';

// Datasette's habit: a command nobody documented is a test failure, not a surprise for users.
// Every command: createProgram without argv loads them all.
const program = await createProgram({ out: () => {}, err: () => {}, isTTY: false });

describe('the README documents every CLI command', () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  for (const command of program.commands) {
    it(`aperture ${command.name()} is in the README's CLI table`, () => {
      expect(readme).toContain(`aperture ${command.name()}`);
      expect(command.description().length).toBeGreaterThan(10);
    });
  }
});
