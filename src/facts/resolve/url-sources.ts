import { createHash } from 'node:crypto';
import { SourceSchema, type Source } from '../../domain/index.js';
import { slugify } from './normalize.js';

/**
 * A source record for a per-model or per-score link a dataset gives. The id is derived from the
 * URL, so the same link is one source however many facts cite it. `reading` names one dated
 * reading of a page whose content changes (a Hub page's download count): it goes into the id, so
 * figures read on different days cite different records, each with its own access date.
 */
export function sourceForUrl(url: string, title: string, accessed: string, reading?: string): Source | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(parsed.protocol)) return undefined;
  const host = parsed.hostname.replace(/^www\./, '');
  const tail = slugify(parsed.pathname.split('/').filter(Boolean).slice(-2).join('-')).slice(0, 40).replace(/[-.]+$/, '');
  const hash = createHash('sha1').update(reading ? `${url}\n${reading}` : url).digest('hex').slice(0, 6);
  const id = [slugify(host), tail, hash].filter(Boolean).join('-');
  const source: Source = { id, url, publisher: host, title, accessed, kind: kindOf(host) };
  return SourceSchema.safeParse(source).success ? source : undefined;
}

function kindOf(host: string): Source['kind'] {
  if (host === 'arxiv.org' || host.endsWith('openreview.net') || host.endsWith('aclanthology.org')) return 'paper';
  if (host === 'huggingface.co') return 'model-card';
  if (host === 'github.com') return 'repository';
  return 'other';
}
