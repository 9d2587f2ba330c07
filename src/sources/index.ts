import type { Importer } from './importer.js';
import { epochImporter } from './epoch/index.js';
import { epochNotableImporter } from './epoch/notable.js';
import { modelsDevImporter } from './models-dev/index.js';
import { modelsDevProvidersImporter } from './models-dev/providers.js';
import { openLlmLeaderboardImporter } from './open-llm-leaderboard/index.js';
import { openRouterImporter } from './openrouter/index.js';
import { lmarenaImporter } from './lmarena/index.js';
import { osaiIndexImporter } from './osai-index/index.js';
import { motImporter } from './mot/index.js';
import { osAiMapImporter } from './os-ai-map/index.js';
import { epochEciImporter } from './epoch-eci/index.js';

export type { Importer, ImportFs, ImportOptions } from './importer.js';
export { nodeFs } from './node-fs.js';

/**
 * Every importer, in the order `import --all` runs them: datasets of models first (they create
 * releases), then catalogs and leaderboards (they add observations and scores to those releases).
 */
export const IMPORTERS: readonly Importer[] = [epochImporter, epochNotableImporter, modelsDevImporter, modelsDevProvidersImporter, openLlmLeaderboardImporter, openRouterImporter, lmarenaImporter, osaiIndexImporter, motImporter, osAiMapImporter, epochEciImporter];

export function importerById(id: string): Importer | undefined {
  return IMPORTERS.find((i) => i.id === id);
}
