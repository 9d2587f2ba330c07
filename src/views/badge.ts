import type { Db } from '../store/db.js';
import { assessView } from './assess.js';
import { releaseView } from './release.js';

/** What an openness badge shows: access, license category and MOF class of one release. */
export async function badgeView(db: Db, id: string) {
  const release = (await releaseView(db, id)) as { id: string; name: string; access_summary?: string; access?: string } | undefined;
  if (!release) return undefined;
  const rubrics = ((await assessView(db, id, {}))?.rubrics ?? []) as { rubric: string; result: Record<string, unknown> }[];
  const license = rubrics.find((r) => r.rubric === 'license')?.result;
  const mof = rubrics.find((r) => r.rubric === 'mof')?.result;
  return {
    id: release.id,
    name: release.name,
    access: String(release.access_summary ?? release.access ?? 'unknown'),
    license_category: license ? String(license.category ?? 'unknown') : 'unknown',
    mof_class: mof && typeof mof.class === 'number' ? mof.class : null,
    mof_label: mof ? String(mof.label ?? 'unknown') : 'unknown',
  };
}
