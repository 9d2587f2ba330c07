import { z } from 'zod';
import { Slug } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { sqlFile } from '../store/sql.js';
import { Flag } from './analytics-params.js';

/** Filters of the quality report, shared by the CLI flags and the dashboard's query string. */
export const QualityParams = z.strictObject({
  /** A lab id; a malformed one is an error rather than a silently empty report. */
  org: Slug.optional(),
  /** Imported releases (data/imported/) have no component facts; leave them out unless asked. */
  imported: Flag.default(false),
});
export type QualityParams = z.infer<typeof QualityParams>;

export interface QualityRelease {
  release: string;
  name: string;
  org: string;
  date: string;
  flagship: boolean;
  imported: boolean;
  known: number;
  unknown: number;
  unknown_components: string[];
  with_url: number;
  without_url: string[];
}

export interface Disagreement {
  release: string;
  org: string;
  component: string;
  peer: string;
  source: string;
  entry: string;
  parameter: string;
  theirs: string | null;
  their_license: string | null;
  their_license_text: string | null;
  their_license_from: string | null;
  their_url: string | null;
  ours: string;
  our_license: string | null;
  our_url: string | null;
  our_source: string | null;
  kind: 'they-open-we-closed' | 'they-closed-we-released' | 'license-differs' | 'they-judge-closed';
  file: string;
  line: number;
}

/**
 * The state of the fact base's component facts: what is unknown (per release and per lab), which
 * known facts cite no evidence URL, and where the peer indices (EOSAI, MOT) disagree with us (on
 * components, or on a lab's country) or speak to a component we know nothing about.
 */
export async function qualityView(db: Db, params: QualityParams) {
  const filter = { org: params.org ?? null, imported: params.imported };
  const org = { org: params.org ?? null };
  const [releases, labs, disagreements, peerGaps, peers, originDisagreements] = await Promise.all([
    db.all<QualityRelease>(sqlFile('quality-releases'), filter),
    db.all(sqlFile('quality-labs'), filter),
    db.all<Disagreement>(sqlFile('quality-disagreements'), org),
    db.all<{ release: string; component: string; peers: string[]; theirs: string[] | null }>(sqlFile('quality-peer-gaps'), org),
    db.all(sqlFile('quality-peers')),
    db.all(sqlFile('quality-origins'), org),
  ]);
  const withoutEvidence = releases
    .filter((r) => r.without_url.length > 0)
    .map(({ release, org, known, with_url, without_url }) => ({ release, org, known, with_url, without_url }))
    .sort((a, b) => b.without_url.length - a.without_url.length || a.release.localeCompare(b.release));
  const byKind: Record<string, number> = {};
  for (const d of disagreements) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  const unknown = releases.reduce((n, r) => n + r.unknown, 0);
  return {
    summary: {
      releases: releases.length,
      componentsUnknown: unknown,
      unknownShare: releases.length ? Math.round((unknown / (17 * releases.length)) * 1000) / 1000 : 0,
      releasesWithComponents: releases.filter((r) => r.known >= 10).length,
      releasesWithoutFacts: releases.filter((r) => r.known === 0).length,
      releasesWithoutEvidence: releases.filter((r) => r.known > 0 && r.with_url === 0).length,
      factsWithoutUrl: releases.reduce((n, r) => n + r.without_url.length, 0),
      disagreements: disagreements.length,
      disagreementsByKind: byKind,
      peerGaps: peerGaps.length,
      originDisagreements: originDisagreements.length,
    },
    peers,
    releases,
    labs,
    withoutEvidence,
    disagreements,
    peerGaps,
    /** Where EOSAI's national origin and our lab's countries do not meet. */
    originDisagreements,
  };
}
