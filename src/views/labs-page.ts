import { todayIso } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { orgsView } from './orgs.js';
import { trendsView } from './trends.js';

/** Labs drawn in the heatmap: the ones with the most releases, over their recent years. */
export const HEATMAP_LABS = 15;
export const HEATMAP_YEARS = 8;

/**
 * The labs list with each lab's open-weights share per year (the trajectories at a glance),
 * for the labs with the most releases.
 */
export async function labsPageView(db: Db, params: { country?: string }) {
  const [labs, trends] = await Promise.all([
    orgsView(db, params),
    trendsView(db, { as_of: todayIso(), by: 'org', period: 'year', metric: 'open-weights-share', country: params.country }),
  ]);
  const top = (labs as { id: string }[]).slice(0, HEATMAP_LABS).map((l) => l.id);
  const years = [...new Set(trends.rows.map((r) => r.period))].sort().slice(-HEATMAP_YEARS);
  const cells = trends.rows
    .filter((r) => top.includes(r.group) && years.includes(r.period))
    .map((r) => ({ lab: r.group_name, year: r.period, releases: r.releases, open: r.open_weights, share: r.open_share }));
  return { labs, heatmap: { labs: top, years, cells } };
}
