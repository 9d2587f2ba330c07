/**
 * The family of an imported release that names none. Prefixed so it can never collide with a
 * curated family id, which curators choose freely.
 */
export function importedFamilyId(releaseId: string): string {
  return `imported-${releaseId}`;
}
