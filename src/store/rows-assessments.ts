import { assessRelease, RUBRIC_VERSIONS, type Assessment, type EosaiObservation } from '../assess/index.js';
import type { License, Release } from '../domain/index.js';
import type { FactBase } from '../facts/fact-base.js';
import type { Row, Tables } from './rows.js';

/** Runs every rubric on every release (pure) and flattens the results into table rows. */
export function assessmentRows(facts: FactBase): Tables {
  const licenses = new Map<string, License>(facts.licenses.map((l) => [l.value.id, l.value]));
  const releases = new Map<string, Release>(facts.releases.map((r) => [r.value.id, r.value]));
  const eosai = eosaiByRelease(facts);
  const openness: Row[] = [];
  const assessments: Row[] = [];
  for (const { value: release } of facts.releases) {
    const a = assessRelease(release, { licenses, releases, eosai });
    openness.push(opennessRow(release.id, a));
    for (const rubric of Object.keys(RUBRIC_VERSIONS) as (keyof typeof RUBRIC_VERSIONS)[]) {
      const result = a[rubric];
      const summary = 'summary' in result && typeof result.summary === 'string' ? result.summary : '';
      assessments.push({ release_id: release.id, rubric, version: RUBRIC_VERSIONS[rubric], summary, result_json: JSON.stringify(result) });
    }
  }
  return { openness, assessments };
}

function opennessRow(releaseId: string, a: Assessment): Row {
  return {
    release_id: releaseId,
    mof_class: a.mof.class,
    mof_label: a.mof.label,
    osai_score: a.osai.score,
    osai_points: a.osai.points,
    osai_unknown: a.osai.unknown.length,
    osaid: a.osaid.verdict,
    access_tier: a.access.tier,
    epoch_label: a.access.epochLabel,
    license_category: a.license.category,
    license_open: a.license.isOpen,
    commercial_use: a.license.commercialUse,
    profile_weights: a.profile.weights.value,
    profile_code: a.profile.code.value,
    profile_data: a.profile.data.value,
    profile_documentation: a.profile.documentation.value,
    profile_license: a.profile.licenseFreedom.value,
  };
}

/**
 * The European Open Source AI Index's own grades for each matched release, so the stored OSAI
 * result shows theirs beside ours. Their parameters carry the same names as the rubric's.
 */
function eosaiByRelease(facts: FactBase): Map<string, EosaiObservation> {
  const out = new Map<string, EosaiObservation>();
  for (const { value: entry } of facts.peers) {
    if (entry.peer !== 'osai-index' || !entry.release) continue;
    const grades = Object.fromEntries(Object.entries(entry.grades).map(([param, g]) => [param, g!.grade]));
    out.set(entry.release, { grades, source: entry.entry, ...(entry.date ? { date: entry.date } : {}) });
  }
  return out;
}

/** build_info rows recording which version of each rubric produced the stored results. */
export function rubricVersionRows(): Row[] {
  return Object.entries(RUBRIC_VERSIONS).map(([rubric, version]) => ({ key: `rubric_version.${rubric}`, value: version }));
}
