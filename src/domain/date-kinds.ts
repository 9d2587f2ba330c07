// Kept free of zod so the CLI's release command can word a date without loading the schemas.

/**
 * What a release date stands for, when a dataset says (each importer sets it from what its date
 * column means): `launch` (the model became available: models.dev's release_date), `upload` (a
 * Hub repo was created: the Open LLM Leaderboard's upload date), `publication` (the first public
 * record, paper or announcement, whichever came first: Epoch's "Publication date"), `paper` (a
 * paper or technical report), `announcement` (a lab's announcement). Absent: not stated.
 */
export const DATE_KINDS = ['launch', 'announcement', 'paper', 'publication', 'upload'] as const;
export type DateKind = (typeof DATE_KINDS)[number];

/** A date kind in words, for the places a release date is shown ("2024-07-23 (Hub upload)"). */
export const DATE_KIND_LABELS: Record<DateKind, string> = {
  launch: 'launch', announcement: 'announcement', paper: 'paper', publication: 'first publication: paper or announcement', upload: 'Hub upload',
};

/** A release date with what it stands for, when known. */
export function datedAs(date: string, kind: string | null | undefined): string {
  const label = kind ? DATE_KIND_LABELS[kind as DateKind] : undefined;
  return label ? `${date} (${label})` : date;
}
