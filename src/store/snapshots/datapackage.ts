import type { Column } from './copy.js';
import { fieldDoc, TABLE_DOCS } from './field-docs.js';
import type { SnapshotMeta } from './layout.js';

/** Frictionless Table Schema field types for DuckDB's column types. */
export function frictionlessType(duckType: string): string {
  if (duckType.endsWith('[]')) return 'array';
  if (/^(INTEGER|BIGINT|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER)$/.test(duckType)) return 'integer';
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(duckType)) return 'number';
  if (duckType === 'BOOLEAN') return 'boolean';
  if (duckType === 'DATE') return 'date';
  if (duckType.startsWith('TIMESTAMP')) return 'datetime';
  return 'string';
}

export interface ResourceInput {
  name: string;
  path: string;
  columns: Column[];
  rows: number;
  bytes: number;
  sha256: string;
}

export interface DatasetSource {
  title: string;
  path: string;
  license: string | null;
}

/**
 * A Frictionless Data Package (v1 descriptor) for one snapshot: every table as a Parquet
 * resource with its fields, types and meanings; the datasets the base draws on as sources with
 * their licenses; and the snapshot's own facts under `aperture`.
 */
export function dataPackage(meta: SnapshotMeta, resources: ResourceInput[], sources: DatasetSource[]): object {
  const licenses = [...new Set(sources.map((s) => s.license).filter((l): l is string => Boolean(l)))].sort();
  return {
    profile: 'data-package',
    name: `aperture-${meta.id.toLowerCase()}`,
    id: meta.id,
    title: `Aperture fact base, snapshot ${meta.id}${meta.label ? ` (${meta.label})` : ''}`,
    description: 'AI model releases, their components, licenses, openness assessments, observations, events and claims with verdicts, as built from the Aperture fact base. Every fact cites its source (table sources: URL and date accessed).',
    version: meta.id,
    created: meta.taken,
    // The licenses of the datasets facts were cross-checked against; curated facts carry
    // their own sources, whose terms apply to each.
    licenses: licenses.map((name) => (/^[A-Za-z0-9.+-]+$/.test(name) && !name.startsWith('LicenseRef-') ? { name, path: `https://spdx.org/licenses/${name}.html` } : { name })),
    sources: sources.map((s) => ({ title: s.title, path: s.path, ...(s.license ? { license: s.license } : {}) })),
    resources: resources.map((r) => ({
      name: r.name.replace(/_/g, '-'),
      path: r.path,
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      bytes: r.bytes,
      hash: `sha256:${r.sha256}`,
      description: TABLE_DOCS[r.name]?.description ?? '',
      rows: r.rows,
      schema: { fields: r.columns.map((c) => ({ name: c.name, type: frictionlessType(c.type), duckdb_type: c.type, description: fieldDoc(r.name, c.name) ?? '' })) },
    })),
    aperture: meta,
  };
}

const yamlText = (s: string) => JSON.stringify(s);

/** CITATION.cff (Citation File Format 1.2.0) naming the snapshot as a dataset to cite. */
export function citationCff(meta: SnapshotMeta, repository?: string): string {
  return [
    'cff-version: 1.2.0',
    'message: "If you use this snapshot of the Aperture fact base, cite it by its id and date."',
    'type: dataset',
    `title: ${yamlText(`Aperture fact base, snapshot ${meta.id}${meta.label ? ` (${meta.label})` : ''}`)}`,
    'authors:',
    '  - name: "Aperture contributors"',
    `version: ${yamlText(meta.id)}`,
    `date-released: ${meta.date}`,
    ...(repository ? [`repository-code: ${yamlText(repository)}`] : []),
    'keywords:',
    '  - AI model openness',
    '  - open weights',
    '  - model licenses',
    `abstract: ${yamlText(`Every table of the Aperture fact base as built from data hash ${meta.data_hash} (schema ${meta.schema_version}), as Parquet with a Frictionless datapackage.json and SHA256SUMS.`)}`,
    '',
  ].join('\n');
}
