import { todayIso } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { claimsView, claimTimelineView } from './claims.js';

/**
 * One claim for its dashboard page: the verdict as of the day it was made and as of today,
 * and the verdict quarter by quarter (three years before it was said up to today).
 */
export async function claimPageView(db: Db, id: string, today: string = todayIso()) {
  const said = (await claimsView(db, { as_of: 'said', id })).claims[0];
  if (!said) return undefined;
  const now = (await claimsView(db, { as_of: today, id })).claims[0]!;
  const timeline = (await claimTimelineView(db, { id, to: today, step: 'quarter' }))!;
  return { said, today: now, timeline };
}

export const claimIds = async (db: Db) => (await db.all<{ id: string }>('SELECT id FROM claims ORDER BY id')).map((r) => r.id);
