import { z } from 'zod';
import { pushAll, type Diagnostic } from '../lib/diagnostic.js';
import { FamilySchema, ReleaseSchema } from '../domain/index.js';
import { invalidKey, type FactBase, type Origin } from './fact-base.js';
import type { YamlFile } from './yaml-file.js';
import { zodDiagnostics } from './zod-diagnostics.js';

const Envelope = z.strictObject({
  family: z.unknown(),
  releases: z.array(z.unknown(), { error: 'expected a list of releases' }).min(1, { error: 'a family file lists at least one release' }),
});

/**
 * A family file is checked part by part (the family, then each release), so one broken release
 * does not hide its siblings from the rest of the checks.
 */
export function loadReleaseFile(facts: FactBase, yaml: YamlFile, knownKeys: Iterable<string>): Diagnostic[] {
  const data = yaml.data as Record<string, unknown> | null;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [{ file: yaml.file, line: 1, path: '', severity: 'error', rule: 'schema', message: 'expected a mapping with `family:` and `releases:`', hint: 'see data/README.md, "Add a release"' }];
  const problems: Diagnostic[] = [];
  const shape = Envelope.safeParse(data);
  if (!shape.success) pushAll(problems, zodDiagnostics(shape.error, yaml, [], knownKeys));
  const family = FamilySchema.safeParse(data.family);
  if (family.success) facts.families.push({ value: family.data, origin: originAt(yaml, ['family']) });
  else {
    noteInvalid(facts, 'families', data.family);
    if (data.family !== undefined) pushAll(problems, zodDiagnostics(family.error, yaml, ['family'], knownKeys));
  }
  const familyId = family.success ? family.data.id : idOf(data.family);
  const familyOrg = family.success ? family.data.org : (data.family as { org?: unknown } | undefined)?.org;
  const releases = Array.isArray(data.releases) ? data.releases : [];
  releases.forEach((item, i) => {
    const parsed = ReleaseSchema.safeParse(item);
    if (!parsed.success) {
      noteInvalid(facts, 'releases', item);
      pushAll(problems, zodDiagnostics(parsed.error, yaml, ['releases', i], knownKeys));
      return;
    }
    const org = parsed.data.org ?? (typeof familyOrg === 'string' ? familyOrg : undefined);
    if (familyId === undefined || org === undefined) return; // the family problem is already reported
    facts.releases.push({ value: { ...parsed.data, family: familyId, org }, origin: originAt(yaml, ['releases', i]) });
  });
  return problems;
}

function originAt(yaml: YamlFile, prefix: (string | number)[]): Origin {
  const lineOf = (p: readonly (string | number)[]) => yaml.lineOf([...prefix, ...p]);
  return { file: yaml.file, line: lineOf([]), lineOf };
}

function idOf(record: unknown): string | undefined {
  const id = (record as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

export function noteInvalid(facts: FactBase, collection: string, record: unknown): void {
  const id = idOf(record);
  if (id !== undefined) facts.invalidIds.add(invalidKey(collection, id));
}

