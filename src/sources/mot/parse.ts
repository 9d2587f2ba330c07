import { parse } from 'yaml';
import { COMPONENTS, HF_REPO_PATTERN, type ComponentId, type MotComponent, type MotEntry, type PeerUpstreamEntry } from '../../domain/index.js';
import { hubReposIn } from '../text.js';
import { nameKeyLoose, text, urlOf } from '../peer-text.js';

/**
 * One model file of the Model Openness Tool (lfai/model_openness_tool, models/*.yml): a
 * `release` with a name, version, producer, Hub link, release licenses by content type
 * (distribution, code, data, document) and the MOF components it includes. Following the
 * tool's own sample file: a component's `license` is its own; `unlicensed` means included
 * without a license; no license means the release's license for the component's content type,
 * else the distribution license. A license text saying "not included" marks the component as
 * not included. Components left out of the list are not assessed and not recorded.
 */
export type MotParse = { ok: true; value: PeerUpstreamEntry<MotEntry> } | { ok: false; reason: string };

const BY_NAME = new Map<string, ComponentId>(COMPONENTS.map((c) => [nameKeyLoose(c.name), c.id]));

export function parseMotFile(file: string, source: string): MotParse {
  let doc: unknown;
  try {
    doc = parse(source);
  } catch {
    return { ok: false, reason: 'unparsable YAML' };
  }
  const release = (doc as { release?: Record<string, unknown> } | null)?.release;
  const name = text(release?.name);
  if (!release || !name) return { ok: false, reason: 'no release name' };

  const licenses = (release.license ?? {}) as Record<string, { name?: unknown } | undefined>;
  const releaseLicense = (kind: string) => text(licenses[kind]?.name);
  const distribution = releaseLicense('distribution');

  const components: MotEntry['components'] = {};
  for (const item of Array.isArray(release.components) ? (release.components as Record<string, unknown>[]) : []) {
    const id = BY_NAME.get(nameKeyLoose(text(item?.name)));
    if (!id || components[id]) continue;
    const spec = COMPONENTS.find((c) => c.id === id)!;
    const own = text(item.license);
    const inherited = own ? undefined : releaseLicense(spec.contentType) ? spec.contentType : distribution ? 'distribution' : undefined;
    const licenseText = own ?? (inherited ? releaseLicense(inherited) : undefined);
    const url = urlOf(item.component_path) ?? urlOf(item.license_path);
    const c: MotComponent = {
      included: !(licenseText && /not\s+includ/i.test(licenseText)),
      ...(licenseText && !/not\s+includ/i.test(licenseText) ? { license_text: licenseText } : {}),
      ...(licenseText ? { license_from: own ? 'component' : inherited! } : {}),
      ...(url ? { url } : {}),
    };
    components[id] = c;
  }

  const producer = text(release.producer);
  const version = text(release.version);
  const hub = text(release.huggingface);
  const repos = hub ? (HF_REPO_PATTERN.test(hub) ? [hub] : hubReposIn(hub)) : [];
  const link = urlOf(hub) ?? urlOf(release.repository);
  const sized = version && !/^(undisclosed|none|unknown)$/i.test(version) && !nameKeyLoose(name).includes(nameKeyLoose(version)) ? `${name} ${version}` : undefined;
  const entry: MotEntry = {
    entry: file,
    name,
    ...(producer ? { org: producer } : {}),
    ...(link ? { url: link } : {}),
    ...(version ? { version } : {}),
    ...(distribution ? { license: distribution } : {}),
    components,
  };
  return { ok: true, value: { entry, repos, names: [name], ...(sized ? { fallbackNames: [sized] } : {}) } };
}
