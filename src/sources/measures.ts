/** A benchmark name as a measure id: "SWE-Bench Pro" -> "swe-bench-pro", "τ3 Banking" -> "tau3-banking". */
export function measureSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/τ/g, 'tau')
    .replace(/[’']/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.(?![0-9])|(?<![0-9])\./g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}
