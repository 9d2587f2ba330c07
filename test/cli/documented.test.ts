import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/surfaces/cli/main.js';

// Datasette's habit: a command nobody documented is a test failure, not a surprise for users.
describe('the README documents every CLI command', () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const program = createProgram({ out: () => {}, err: () => {}, isTTY: false });
  for (const command of program.commands) {
    it(`aperture ${command.name()} is in the README's CLI table`, () => {
      expect(readme).toContain(`aperture ${command.name()}`);
      expect(command.description().length).toBeGreaterThan(10);
    });
  }
});
