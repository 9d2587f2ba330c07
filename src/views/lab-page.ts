import type { Db } from '../store/db.js';
import { orgView } from './orgs.js';
import { accessByYear } from './overview.js';
import { signalsView } from './signals.js';
import { todayIso } from '../domain/index.js';

/**
 * One lab for the dashboard: the organization view plus what its trajectory chart needs,
 * every release with its most open access channel and the lab's events on one timeline, and
 * its retreat and advance signals.
 */
export async function labPageView(db: Db, id: string) {
  const org = await orgView(db, id);
  if (!org) return undefined;
  const [byYear, signals] = await Promise.all([
    accessByYear(db, { org: id }),
    signalsView(db, { as_of: todayIso(), org: id, period: 'half', window_days: 180 }),
  ]);
  const releases = org.releases as { id: string; name: string; date: string; access: string; weights_available: boolean }[];
  const open = releases.filter((r) => r.weights_available).length;
  return { ...org, accessByYear: byYear, openWeights: open, releaseCount: releases.length, signals: signals.signals };
}

export const labIds = async (db: Db) => (await db.all<{ id: string }>('SELECT id FROM organizations ORDER BY id')).map((r) => r.id);
