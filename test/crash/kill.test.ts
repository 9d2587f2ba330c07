import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const HARNESS = path.join(import.meta.dirname, 'kill-harness.mjs');
/** Bounded for CI: up to 20 kills a scenario, stopping after the budget on a slow machine. */
const BUDGET_MS = Number(process.env.APERTURE_KILL_BUDGET_MS ?? 150_000);
/** The other writers share one budget, two at a time (the machine has 2 cores). */
const WRITERS_BUDGET_MS = Number(process.env.APERTURE_KILL_WRITERS_BUDGET_MS ?? 100_000);

interface Outcome { scenario: string; kills: number; old: number; new: number; completed: number; leftoversAtEnd: string[]; problems: string[]; error?: string }

async function harness(scenario: string, budgetMs: number): Promise<Outcome> {
  const { stdout } = await promisify(execFile)(process.execPath, [HARNESS, '--scenario', scenario, '--kills', '20', '--budget-ms', String(budgetMs)], { timeout: budgetMs + 120_000 }).catch((e) => e);
  const outcome = JSON.parse(String(stdout).trim().split('\n').pop()!) as Outcome;
  console.log(`kill harness: ${JSON.stringify(outcome)}`);
  return outcome;
}

function check(outcome: Outcome): void {
  expect(outcome.error).toBeUndefined();
  expect(outcome.problems).toEqual([]);
  expect(outcome.kills).toBeGreaterThanOrEqual(3);
  expect(outcome.old + outcome.new).toBe(outcome.kills + outcome.completed);
  expect(outcome.leftoversAtEnd).toEqual([]);
}

describe('kill -9 at random points', () => {
  it('build: the database is the old one or the new one, and the next build leaves no temporaries', async () => {
    check(await harness('build', BUDGET_MS));
  }, BUDGET_MS + 180_000);

  // import and ingest: the import generation readers see is the old set or the new set, never a
  // mix, raw responses included; snapshot: a snapshot is whole or absent; hub ingest: hub.duckdb
  // and the lake agree on the day. After a complete run, no temporaries are left.
  const pairs = [['import', 'ingest'], ['snapshot', 'hub-ingest']];
  for (const pair of pairs) {
    it(`${pair.join(' and ')}: the state is the old one or the new one, consistent, and the next run leaves no leftovers`, async () => {
      const outcomes = await Promise.all(pair.map((s) => harness(s, WRITERS_BUDGET_MS / 2)));
      for (const o of outcomes) check(o);
    }, WRITERS_BUDGET_MS + 240_000);
  }
});
