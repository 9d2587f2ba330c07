import path from 'node:path';
import { type MotEntry, type PeerUpstreamEntry } from '../../domain/index.js';
import { peersOnly, type PeerImporter } from '../peer-importer.js';
import { snapshotOf } from '../importer.js';
import { latest } from '../text.js';
import { parseMotFile } from './parse.js';

export const MOT_SOURCE = 'model-openness-tool';

/**
 * The Model Openness Tool (lfai/model_openness_tool, MIT): one YAML file per release under
 * models/, listing the Model Openness Framework components it includes and their licenses.
 * The path may be the tool's repository (or a copy of it) or its models/ folder. Without
 * --snapshot, the latest date written in the files stands for the snapshot.
 */
export const motImporter: PeerImporter = {
  id: 'mot',
  description: 'Model Openness Tool model files (a folder of *.yml, or a folder holding models/)',
  async locate(dir, fs) {
    for (const folder of [path.join(dir, 'mof'), path.join(dir, 'mot'), dir]) {
      const files = await fs.list(path.join(folder, 'models')).catch(() => []);
      if (files.some((f) => /\.ya?ml$/.test(f))) return folder;
    }
    return undefined;
  },
  read: peersOnly('mot'),
  async readPeers(dir, opts) {
    const folder = (await opts.fs.list(path.join(dir, 'models')).catch(() => [])).length ? path.join(dir, 'models') : dir;
    const files = (await opts.fs.list(folder)).filter((f) => /\.ya?ml$/.test(f) && !f.includes('/'));
    const entries: PeerUpstreamEntry<MotEntry>[] = [];
    const skipped: Record<string, number> = {};
    const dates: string[] = [];
    for (const [i, file] of files.entries()) {
      const source = await opts.fs.readText(path.join(folder, file));
      const parsed = parseMotFile(file, source);
      if (parsed.ok) entries.push(parsed.value);
      else skipped[parsed.reason] = (skipped[parsed.reason] ?? 0) + 1;
      const date = /^\s+date:\s*'?(\d{4}-\d{2}-\d{2})'?\s*$/m.exec(source.split(/^release:/m)[1] ?? '')?.[1];
      if (date) dates.push(date);
      opts.progress?.(i + 1, files.length);
    }
    return {
      peer: 'mot',
      dataset: {
        id: MOT_SOURCE,
        url: 'https://github.com/lfai/model_openness_tool',
        publisher: 'LF AI & Data, Model Openness Framework',
        title: 'Model Openness Tool, model files (models/*.yml)',
        license: 'MIT',
        accessed: snapshotOf(opts.snapshot, latest(dates)),
        kind: 'dataset',
      },
      entries,
      skipped,
    };
  },
};
