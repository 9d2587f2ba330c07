/**
 * The 17 components of the Model Openness Framework (MOF), with the class each belongs to and
 * the kind of content it is (which decides the type-appropriate license list). Taken from the
 * framework's tool settings (lfai/model_openness_tool, mof.settings.yml).
 */
export type ContentType = 'code' | 'data' | 'document';

export interface ComponentSpec {
  id: ComponentId;
  name: string;
  contentType: ContentType;
  /** MOF class whose requirements include this component: 3 open model, 2 open tooling, 1 open science. */
  mofClass: 1 | 2 | 3;
  /** Optional components do not block a class in the MOF tool. */
  required: boolean;
}

export const COMPONENT_IDS = [
  'model-architecture',
  'model-parameters-final',
  'technical-report',
  'evaluation-results',
  'model-card',
  'data-card',
  'training-code',
  'inference-code',
  'evaluation-code',
  'evaluation-data',
  'supporting-libraries',
  'datasets',
  'data-preprocessing-code',
  'model-parameters-intermediate',
  'research-paper',
  'model-metadata',
  'sample-outputs',
] as const;

export type ComponentId = (typeof COMPONENT_IDS)[number];

export const COMPONENTS: readonly ComponentSpec[] = [
  { id: 'model-architecture', name: 'Model architecture', contentType: 'code', mofClass: 3, required: true },
  { id: 'model-parameters-final', name: 'Model parameters (final)', contentType: 'data', mofClass: 3, required: true },
  { id: 'technical-report', name: 'Technical report', contentType: 'document', mofClass: 3, required: true },
  { id: 'evaluation-results', name: 'Evaluation results', contentType: 'document', mofClass: 3, required: true },
  { id: 'model-card', name: 'Model card', contentType: 'document', mofClass: 3, required: true },
  { id: 'data-card', name: 'Data card', contentType: 'document', mofClass: 3, required: true },
  { id: 'training-code', name: 'Training code', contentType: 'code', mofClass: 2, required: true },
  { id: 'inference-code', name: 'Inference code', contentType: 'code', mofClass: 2, required: true },
  { id: 'evaluation-code', name: 'Evaluation code', contentType: 'code', mofClass: 2, required: true },
  { id: 'evaluation-data', name: 'Evaluation data', contentType: 'data', mofClass: 2, required: true },
  { id: 'supporting-libraries', name: 'Supporting libraries and tools', contentType: 'code', mofClass: 2, required: false },
  { id: 'datasets', name: 'Datasets', contentType: 'data', mofClass: 1, required: true },
  { id: 'data-preprocessing-code', name: 'Data preprocessing code', contentType: 'code', mofClass: 1, required: true },
  { id: 'model-parameters-intermediate', name: 'Model parameters (intermediate)', contentType: 'data', mofClass: 1, required: true },
  { id: 'research-paper', name: 'Research paper', contentType: 'document', mofClass: 1, required: true },
  { id: 'model-metadata', name: 'Model metadata', contentType: 'data', mofClass: 1, required: false },
  { id: 'sample-outputs', name: 'Sample model outputs', contentType: 'document', mofClass: 3, required: false },
];

export const COMPONENT_BY_ID: ReadonlyMap<ComponentId, ComponentSpec> = new Map(COMPONENTS.map((c) => [c.id, c]));

/**
 * Status of a component for one release.
 * - open: publicly available under the stated license
 * - restricted: available, but under terms that limit use (e.g. non-commercial, custom AUP)
 * - gated: available only after a request, approval or click-through
 * - documented-only: described (e.g. in a paper) but not released
 * - closed: known not to be released
 * - unknown: no source says; never treated as closed
 */
export const COMPONENT_STATUSES = ['open', 'restricted', 'gated', 'documented-only', 'closed', 'unknown'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];
