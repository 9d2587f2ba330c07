import { parse as parseToml } from 'smol-toml';
import type { UpstreamRelease, UpstreamScore } from '../../domain/index.js';
import { hubReposIn, partialDate, typeFromName } from '../text.js';
import { measureSlug } from '../measures.js';

type Modality = NonNullable<UpstreamRelease['modalities']>[number];

interface Benchmark {
  name?: string;
  score?: number;
  source?: string;
  date?: string;
  harness?: string;
  variant?: string;
  dataset?: string;
}

interface ModelToml {
  name?: string;
  release_date?: string;
  last_updated?: string;
  open_weights?: boolean;
  reasoning?: boolean;
  license?: string;
  modalities?: { input?: string[]; output?: string[] };
  weights?: { label?: string; url?: string }[];
  benchmarks?: Benchmark[];
}

const MODALITY: Record<string, Modality> = { text: 'text', image: 'image', audio: 'audio', video: 'video', pdf: 'text' };

export interface ModelsDevFile {
  /** The lab folder, e.g. `alibaba`: the organization spelling. */
  lab: string;
  /** The file name without .toml: models.dev's model id. */
  modelId: string;
  text: string;
}

/**
 * One lab-level models.dev file. Release dates may be month-only ("2025-04"): kept as written.
 * `open_weights = false` only says the weights are not published: the model is served by API.
 */
export function parseModelsDevFile(file: ModelsDevFile, snapshot: string): { release: UpstreamRelease; scores: UpstreamScore[]; updated?: string } {
  const doc = parseToml(file.text) as ModelToml;
  const name = doc.name?.trim() || file.modelId;
  const hfRepos = (doc.weights ?? []).flatMap((w) => hubReposIn(w.url));
  const inputs = [...(doc.modalities?.input ?? []), ...(doc.modalities?.output ?? [])];
  const modalities = [...new Set(inputs.map((m) => MODALITY[m]).filter((m): m is Modality => m !== undefined))];
  const date = partialDate(doc.release_date);
  const release: UpstreamRelease = {
    name,
    orgNames: [file.lab],
    date,
    access: doc.open_weights === true ? ['open-weights'] : doc.open_weights === false ? ['api'] : undefined,
    license: doc.license,
    hfRepos,
    modalities: modalities.length ? modalities : undefined,
    type: doc.reasoning ? 'reasoning' : typeFromName(name),
    creates: true,
    incomplete: !date ? 'no release date' : doc.open_weights === undefined ? 'no open_weights flag' : undefined,
  };
  const scores: UpstreamScore[] = [];
  for (const b of doc.benchmarks ?? []) {
    if (!b.name || typeof b.score !== 'number') continue;
    const qualifier = [b.harness, b.variant].filter(Boolean).join(' ');
    scores.push({
      name,
      orgNames: [file.lab],
      hfRepo: hfRepos[0],
      measure: measureSlug(qualifier ? `${b.name} ${qualifier}` : b.name),
      value: b.score,
      // A score without its own date is what models.dev reported as of the snapshot.
      date: partialDate(b.date) ?? snapshot,
      url: b.source && /^https?:\/\//.test(b.source) ? b.source : undefined,
    });
  }
  return { release, scores, updated: doc.last_updated };
}
