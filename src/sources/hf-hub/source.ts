import type { Source } from '../../domain/index.js';

/** Where a refresh writes, relative to the data folder. */
export const HUB_SOURCES_FILE = 'sources/hf-hub-api.yaml';
export const hubDayFile = (day: string) => `observations/adoption/hf-hub/${day}.yaml`;

export const hubSourceId = (day: string) => `hf-hub-api-${day}`;

/** The source a day's observations cite: the Hub API as read that day (one record per refresh day). */
export function hubApiSource(day: string, hubUrl: string): Source {
  return {
    id: hubSourceId(day),
    url: `${hubUrl.replace(/\/+$/, '')}/api/models`,
    publisher: 'Hugging Face',
    title: `Hugging Face Hub API: model downloads, likes and derivatives, read on ${day}`,
    accessed: day,
    kind: 'api',
  };
}
