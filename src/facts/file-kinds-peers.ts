import type { z } from 'zod';
import { EosaiFileSchema, MotFileSchema, type EosaiFile, type MotFile, type Peer } from '../domain/index.js';
import type { FactBase, Origin } from './fact-base.js';
import type { FileKind } from './file-kinds.js';

/**
 * Generated files of the peer indices: data/imported/osai-index/*.yaml and
 * data/imported/mot/*.yaml, each the dataset (cited as a source) and every entry it has, with
 * the release it was matched to. Entries go to `facts.peers`, never to releases' components;
 * unmatched ones are also listed in `facts.unmatched` beside the other importers' names.
 */
const peerKind = (peer: Peer, schema: z.ZodType): FileKind => ({
  name: `imported/${peer}`,
  owns: (rel) => rel.startsWith(`imported/${peer}/`) && /\.(ya?ml|ndjson)$/.test(rel),
  shape: 'single',
  schema,
  ndjson: { list: 'entries' },
  add: (f: FactBase, r, origin) => {
    const file = r as EosaiFile | MotFile;
    f.sources.push({ value: file.dataset, origin: at(origin, ['dataset']) });
    file.entries.forEach((entry, i) => {
      const where = at(origin, ['entries', i]);
      f.peers.push({ value: { peer, ...entry } as never, origin: where });
      // Unmatched entries also join the importers' list, so `aperture unmatched` shows every source's.
      const u = entry.unmatched;
      if (u) f.unmatched.push({ value: { upstream: peer, name: entry.name, ...(entry.org ? { org: entry.org } : {}), reason: u.reason, candidates: u.candidates ?? [], rows: 1 }, origin: where });
    });
  },
});

function at(origin: Origin, path: (string | number)[]): Origin {
  return { file: origin.file, line: origin.lineOf(path), lineOf: (p) => origin.lineOf([...path, ...p]) };
}

export const PEER_FILE_KINDS: readonly FileKind[] = [peerKind('osai-index', EosaiFileSchema), peerKind('mot', MotFileSchema)];
