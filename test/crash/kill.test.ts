import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const HARNESS = path.join(import.meta.dirname, 'kill-harness.mjs');
/** Bounded for CI: up to 20 kills, stopping after the budget on a slow machine. */
const BUDGET_MS = Number(process.env.APERTURE_KILL_BUDGET_MS ?? 150_000);

describe('kill -9 at random points', () => {
  it('build: the database is the old one or the new one, and the next build leaves no temporaries', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [HARNESS, '--scenario', 'build', '--kills', '20', '--budget-ms', String(BUDGET_MS)], { timeout: BUDGET_MS + 120_000 }).catch((e) => e);
    const outcome = JSON.parse(String(stdout).trim().split('\n').pop()!);
    console.log(`kill harness: ${JSON.stringify(outcome)}`);
    expect(outcome.problems).toEqual([]);
    expect(outcome.kills).toBeGreaterThanOrEqual(3);
    expect(outcome.old + outcome.new).toBe(outcome.kills + outcome.completed);
    expect(outcome.leftoversAtEnd).toEqual([]);
  }, BUDGET_MS + 180_000);
});
