import type { UpstreamRelease } from '../../domain/index.js';

interface OpenRouterModel {
  id?: string;
  name?: string;
  hugging_face_id?: string | null;
  created?: number;
}

/**
 * The OpenRouter models API response ({data: [...]}). A listing says a model is served by API
 * (which says nothing about its weights, so no access is claimed) and, when it names one, which
 * Hub repo holds its weights. `created` is when OpenRouter listed
 * the model, not when it was released, so it is kept out of release dates.
 */
export function parseOpenRouter(json: unknown): UpstreamRelease[] {
  const data = (json as { data?: OpenRouterModel[] })?.data;
  if (!Array.isArray(data)) throw new Error('expected the OpenRouter /api/v1/models response: an object with a "data" list');
  const out: UpstreamRelease[] = [];
  for (const m of data) {
    if (!m.id || !m.id.includes('/')) continue;
    const [owner, slug] = m.id.split('/') as [string, string];
    // "Anthropic: Claude Opus 4.7 (Fast)" -> "Claude Opus 4.7 (Fast)"
    const name = (m.name ?? slug).replace(/^[^:]+:\s*/, '').trim() || slug;
    out.push({
      name,
      orgNames: [owner],
      hfRepos: m.hugging_face_id ? [m.hugging_face_id] : [],
      url: `https://openrouter.ai/${m.id}`,
      creates: false,
    });
  }
  return out;
}
