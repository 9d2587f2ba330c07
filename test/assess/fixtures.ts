import { LicenseSchema, ReleaseSchema } from '../../src/domain/index.js';
import type { AccessChannel, ComponentId, ComponentStatus, License, Release } from '../../src/domain/index.js';
import type { z } from 'zod';

/**
 * Small, self-contained fixtures: a license registry shaped like data/licenses and releases
 * shaped like data/releases, built through the domain schemas so defaults apply as in real data.
 * Real releases carry the facts their model cards, papers and repositories document.
 */

type LicenseInput = z.input<typeof LicenseSchema>;

function license(input: Omit<LicenseInput, 'sources' | 'url'> & { url?: string }): License {
  return LicenseSchema.parse({ url: 'https://example.org/license', sources: ['test-source'], ...input });
}

const OPEN_TERMS = {
  commercial_use: 'allowed',
  acceptable_use_policy: false,
  attribution_required: true,
  output_training_limit: false,
  share_alike: false,
  revocable: false,
} as const;

export const LICENSES: License[] = [
  license({ id: 'Apache-2.0', name: 'Apache License 2.0', osi_approved: true, category: 'open-source', terms: OPEN_TERMS }),
  license({ id: 'MIT', name: 'MIT License', osi_approved: true, category: 'open-source', terms: OPEN_TERMS }),
  license({ id: 'ODC-By-1.0', name: 'Open Data Commons Attribution License v1.0', osi_approved: false, category: 'open-data', terms: OPEN_TERMS }),
  license({ id: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0', osi_approved: false, category: 'open-data', terms: OPEN_TERMS }),
  license({
    id: 'LicenseRef-llama-3.1',
    name: 'Llama 3.1 Community License Agreement',
    osi_approved: false,
    category: 'custom-restrictive',
    terms: {
      commercial_use: 'conditional',
      user_threshold: 700_000_000,
      acceptable_use_policy: true,
      field_of_use_limits: ['weapons development'],
      attribution_required: true,
      naming_requirement: 'Built with Llama',
      output_training_limit: false,
      share_alike: false,
      revocable: false,
    },
  }),
  license({
    id: 'LicenseRef-llama-3.2',
    name: 'Llama 3.2 Community License Agreement',
    osi_approved: false,
    category: 'custom-restrictive',
    terms: {
      commercial_use: 'conditional',
      user_threshold: 700_000_000,
      acceptable_use_policy: true,
      attribution_required: true,
      naming_requirement: 'Built with Llama',
      territorial_exclusions: ['EU'],
      output_training_limit: false,
      share_alike: false,
      revocable: false,
    },
  }),
  license({
    id: 'LicenseRef-gemma',
    name: 'Gemma Terms of Use',
    osi_approved: false,
    category: 'custom-restrictive',
    terms: {
      commercial_use: 'allowed',
      acceptable_use_policy: true,
      attribution_required: true,
      output_training_limit: false,
      share_alike: false,
      revocable: true,
    },
  }),
  license({
    id: 'LicenseRef-cohere-nc',
    name: 'Cohere For AI non-commercial license',
    osi_approved: false,
    category: 'non-commercial',
    terms: {
      commercial_use: 'forbidden',
      acceptable_use_policy: true,
      attribution_required: true,
      output_training_limit: false,
      share_alike: false,
      revocable: false,
    },
  }),
  license({
    id: 'LicenseRef-openai-terms',
    name: 'OpenAI Terms of Use',
    osi_approved: false,
    category: 'proprietary',
    terms: {
      commercial_use: 'conditional',
      acceptable_use_policy: true,
      attribution_required: false,
      output_training_limit: true,
      share_alike: false,
      revocable: true,
    },
  }),
  license({
    id: 'LicenseRef-vague',
    name: 'A license whose terms no source states',
    osi_approved: false,
    category: 'custom-restrictive',
    terms: {
      commercial_use: 'unknown',
      acceptable_use_policy: 'unknown',
      attribution_required: 'unknown',
      output_training_limit: 'unknown',
      share_alike: 'unknown',
      revocable: 'unknown',
    },
  }),
];

export const REGISTRY: ReadonlyMap<string, License> = new Map(LICENSES.map((l) => [l.id, l]));

export type Components = Partial<Record<ComponentId, { status: ComponentStatus; license?: string }>>;

export interface ReleaseInput {
  id?: string;
  type?: Release['type'];
  access?: AccessChannel[];
  license?: string;
  base_model?: string;
  components?: Components;
}

export function release(input: ReleaseInput = {}): Release {
  return ReleaseSchema.parse({
    id: 'test-model',
    name: 'Test model',
    date: '2024-01',
    type: 'base',
    access: ['open-weights'],
    sources: ['test-source'],
    ...input,
  });
}

const open = (license?: string) => (license ? { status: 'open' as const, license } : { status: 'open' as const });

/** Every MOF component open under type-appropriate licenses. */
export const ALL_OPEN: Components = {
  'model-architecture': open('Apache-2.0'),
  'model-parameters-final': open('Apache-2.0'),
  'technical-report': open('CC-BY-4.0'),
  'evaluation-results': open('CC-BY-4.0'),
  'model-card': open('CC-BY-4.0'),
  'data-card': open('CC-BY-4.0'),
  'training-code': open('Apache-2.0'),
  'inference-code': open('Apache-2.0'),
  'evaluation-code': open('Apache-2.0'),
  'evaluation-data': open('CDLA-Permissive-2.0'),
  'supporting-libraries': open('Apache-2.0'),
  datasets: open('CDLA-Permissive-2.0'),
  'data-preprocessing-code': open('Apache-2.0'),
  'model-parameters-intermediate': open('Apache-2.0'),
  'research-paper': open('CC-BY-4.0'),
  'model-metadata': open('CDLA-Permissive-2.0'),
  'sample-outputs': open('CC-BY-4.0'),
};

/** The full set with some components replaced. */
export function allOpenExcept(changes: Components): Components {
  return { ...ALL_OPEN, ...changes };
}

// Real releases, as their cards, papers and repositories document them.

/** OLMo 2 7B (Ai2, Nov 2024): everything released; Dolma-based mix under ODC-By, code Apache-2.0. */
export const OLMO_2_7B = release({
  id: 'olmo-2-7b',
  license: 'Apache-2.0',
  components: {
    'model-architecture': open('Apache-2.0'),
    'model-parameters-final': open('Apache-2.0'),
    'model-parameters-intermediate': open('Apache-2.0'),
    'technical-report': open(),
    'research-paper': open(),
    'evaluation-results': open(),
    'model-card': open(),
    'data-card': open(),
    datasets: open('ODC-By-1.0'),
    'data-preprocessing-code': open('Apache-2.0'),
    'training-code': open('Apache-2.0'),
    'inference-code': open('Apache-2.0'),
    'evaluation-code': open('Apache-2.0'),
    'evaluation-data': open(),
    'supporting-libraries': open('Apache-2.0'),
  },
});

/** Pythia 6.9B (EleutherAI, 2023): the Pile (MIT), GPT-NeoX (Apache-2.0), 154 checkpoints, ICML paper. */
export const PYTHIA_6_9B = release({
  id: 'pythia-6.9b',
  license: 'Apache-2.0',
  components: {
    'model-architecture': open(),
    'model-parameters-final': open(),
    'model-parameters-intermediate': open(),
    'research-paper': open('CC-BY-SA-4.0'),
    'evaluation-results': open(),
    'model-card': open(),
    'data-card': open(),
    datasets: open('MIT'),
    'data-preprocessing-code': open('MIT'),
    'training-code': open('MIT'),
    'inference-code': open(),
    'evaluation-code': open('MIT'),
    'evaluation-data': open(),
    'supporting-libraries': open(),
  },
});

/** Amber 7B (LLM360, 2023): data, code, 360 checkpoints and logs all under Apache-2.0. */
export const AMBER_7B = release({
  id: 'amber-7b',
  license: 'Apache-2.0',
  components: {
    'model-architecture': open(),
    'model-parameters-final': open(),
    'model-parameters-intermediate': open(),
    'technical-report': open(),
    'research-paper': open(),
    'evaluation-results': open(),
    'model-card': open(),
    'data-card': open(),
    datasets: open('MIT'),
    'data-preprocessing-code': open(),
    'training-code': open(),
    'inference-code': open(),
    'evaluation-code': open(),
    'evaluation-data': open(),
    'supporting-libraries': open(),
  },
});

/** Llama 3.1 8B (Meta, July 2024): gated weights under the Llama 3.1 community license; data undisclosed. */
export const LLAMA_3_1_8B = release({
  id: 'llama-3.1-8b',
  access: ['gated-weights', 'api'],
  license: 'LicenseRef-llama-3.1',
  components: {
    'model-architecture': open('LicenseRef-llama-3.1'),
    'model-parameters-final': { status: 'gated', license: 'LicenseRef-llama-3.1' },
    'technical-report': open(),
    'evaluation-results': open(),
    'model-card': open(),
    'inference-code': open('LicenseRef-llama-3.1'),
    'training-code': { status: 'closed' },
    datasets: { status: 'documented-only' },
  },
});

/** Gemma 7B (Google, Feb 2024): gated weights under the Gemma Terms of Use; Apache-2.0 inference code. */
export const GEMMA_7B = release({
  id: 'gemma-7b',
  access: ['gated-weights'],
  license: 'LicenseRef-gemma',
  components: {
    'model-architecture': open('Apache-2.0'),
    'model-parameters-final': { status: 'gated', license: 'LicenseRef-gemma' },
    'technical-report': open(),
    'evaluation-results': open(),
    'model-card': open(),
    'inference-code': open('Apache-2.0'),
    'training-code': { status: 'closed' },
    datasets: { status: 'closed' },
  },
});

/** Mistral 7B v0.1 (Mistral AI, Sept 2023): Apache-2.0 weights and inference code; no data, no training code. */
export const MISTRAL_7B = release({
  id: 'mistral-7b',
  license: 'Apache-2.0',
  components: {
    'model-architecture': open('Apache-2.0'),
    'model-parameters-final': open('Apache-2.0'),
    'technical-report': open(),
    'evaluation-results': open(),
    'model-card': open(),
    'inference-code': open('Apache-2.0'),
    'training-code': { status: 'closed' },
    datasets: { status: 'closed' },
    'data-card': { status: 'closed' },
  },
});

/** GPT-4o (OpenAI, May 2024): reachable through the API and ChatGPT only; a system card, no weights. */
export const GPT_4O = release({
  id: 'gpt-4o',
  type: 'other',
  access: ['api', 'hosted-app'],
  components: {
    'technical-report': open('LicenseRef-openai-terms'),
    'model-card': open('LicenseRef-openai-terms'),
    'training-code': { status: 'closed' },
    datasets: { status: 'closed' },
  },
});
