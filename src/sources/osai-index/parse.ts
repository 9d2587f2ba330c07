import { parse } from 'yaml';
import { EOSAI_GRADES, EOSAI_PARAMETERS, type EosaiEntry, type EosaiGrade, type PeerUpstreamEntry } from '../../domain/index.js';
import { countryCode } from '../epoch/countries.js';
import { hubReposIn, partialDate } from '../text.js';
import { linksIn, nameKeyLoose, text, urlOf } from '../peer-text.js';

/**
 * One project file of the European Open Source AI Index (Language-Technology-Assessment/
 * main-database): `system` and `org` describe the model, then 12 parameters each carry a
 * `class` (open / partial / closed), a `link` (one URL, a list, or nothing) and free-text
 * notes. National origin is only written in a comment ("# - National origin: China").
 * Notes are prose and are not copied; grades, links, names and the origin are.
 */
export type EosaiParse = { ok: true; value: PeerUpstreamEntry<EosaiEntry> } | { ok: false; reason: string };

export function parseEosaiFile(file: string, source: string): EosaiParse {
  let doc: unknown;
  try {
    doc = parse(source);
  } catch {
    return { ok: false, reason: 'unparsable YAML' };
  }
  if (!doc || typeof doc !== 'object') return { ok: false, reason: 'not a project file' };
  const d = doc as Record<string, Record<string, unknown> | undefined>;
  const system = d.system ?? {};
  const name = text(system.name);
  // The submission template has every field empty.
  if (!name) return { ok: false, reason: 'no model name (template)' };

  const grades: EosaiEntry['grades'] = {};
  for (const p of EOSAI_PARAMETERS) {
    const g = d[p];
    const grade = text(g?.class)?.toLowerCase();
    if (!grade || !(EOSAI_GRADES as readonly string[]).includes(grade)) continue;
    const links = linksIn(g?.link);
    grades[p] = { grade: grade as EosaiGrade, ...(links.length ? { links } : {}) };
  }

  const origin = /^#\s*-\s*National origin:\s*(.+?)\s*$/m.exec(source)?.[1];
  const country = origin ? countryCode(origin) : undefined;
  const endName = text(system.endmodelname);
  const baseName = text(system.basemodelname);
  const link = urlOf(system.link);
  const license = text(system.endmodellicense);
  const org = text(d.org?.name);
  const date = partialDate(text(system.releasedate));

  const entry: EosaiEntry = {
    entry: file,
    name,
    ...(org ? { org } : {}),
    ...(link ? { url: link } : {}),
    ...(origin ? { origin } : {}),
    ...(country ? { countries: [country] } : {}),
    ...(license && !/^unknown$/i.test(license) ? { license } : {}),
    ...(date ? { date } : {}),
    grades,
  };
  // The end-model weights the index cites first, then the link it gives for the whole entry.
  const repos = unique([...linksIn(d.weights_endmodel?.link).flatMap((l) => hubReposIn(l)), ...hubReposIn(link)]);
  // The entry's own name is often the family's ("DeepSeek R1" for DeepSeek-R1-0528): only a fallback.
  const names = [endName ?? name];
  const separateBase = baseName !== undefined && nameKeyLoose(baseName) !== nameKeyLoose(endName ?? name);
  return {
    ok: true,
    value: {
      entry,
      repos,
      names,
      ...(endName && nameKeyLoose(endName) !== nameKeyLoose(name) ? { fallbackNames: [name] } : {}),
      ...(separateBase ? { base: { repos: unique(linksIn(d.weights_basemodel?.link).flatMap((l) => hubReposIn(l))), names: [baseName] } } : {}),
    },
  };
}

const unique = (xs: string[]) => [...new Set(xs)];
