import spdxList from 'spdx-license-list';
import type { FactBase } from '../fact-base.js';

/**
 * Free-text license names as datasets write them ("Apache 2.0", "llama3.1", "CC BY-NC 4.0",
 * "Llama 3.1 Community License") to license ids the fact base knows. Only exact matches after
 * normalizing case and punctuation count; anything else stays unknown rather than guessed.
 */
export class LicenseNames {
  private readonly byKey = new Map<string, string>();

  constructor(facts: FactBase) {
    for (const id of Object.keys(spdxList)) this.note(id, id);
    // SPDX full names ('BSD 3-Clause "New" or "Revised" License'), after every id so an id always
    // wins; a name shared by a deprecated id ("GPL-3.0") and its successor ("GPL-3.0-only") names the successor.
    const byName = new Map<string, string>();
    for (const [id, l] of Object.entries(spdxList)) if (!byName.has(l.name) || id.length > byName.get(l.name)!.length) byName.set(l.name, id);
    for (const [name, id] of byName) this.note(name, id);
    for (const [text, id] of Object.entries(FREE_TEXT)) this.note(text, id);
    for (const { value: l } of facts.licenses) {
      this.note(l.id, l.id);
      this.note(l.name, l.id);
      // "other" is the Hub's tag for any custom license: it names no license in particular.
      if (l.hf_tag && l.hf_tag !== 'other') this.note(l.hf_tag, l.id);
    }
    this.registered = new Set(facts.licenses.map((l) => l.value.id));
  }

  private readonly registered: Set<string>;

  private note(text: string, id: string): void {
    const k = key(text);
    if (k && !this.byKey.has(k)) this.byKey.set(k, id);
  }

  /**
   * The license a dataset row gives: its license field, else the one license its candidate
   * phrases name (two different ones are a disagreement within the row: none is taken).
   */
  of(row: { license?: string; licenseCandidates?: readonly string[] }): string | undefined {
    const direct = this.resolve(row.license);
    if (direct || !row.licenseCandidates?.length) return direct;
    const named = new Set(row.licenseCandidates.map((t) => this.resolve(t)).filter((id): id is string => id !== undefined));
    // A license the row mentions but we cannot name ("llama license" beside "apache 2") could be
    // the weights' one: none is taken. A mention about the code ("MIT License for code") is not.
    const unnamed = row.licenseCandidates.some((t) => NAMED_LICENSE.test(t) && !GENERIC_WORDS.test(t) && !this.resolve(t));
    return named.size === 1 && !unnamed ? [...named][0] : undefined;
  }

  /** The license id for a free-text name, or undefined. LicenseRef ids must be registered. */
  resolve(text: string | undefined): string | undefined {
    if (!text) return undefined;
    const id = this.byKey.get(key(text)) ?? this.byKey.get(key(trimmed(text)));
    if (!id) return undefined;
    return id.startsWith('LicenseRef-') && !this.registered.has(id) ? undefined : id;
  }
}

/** "<Name> license": a phrase naming some license ("llama license", "NVIDIA License"). */
const NAMED_LICENSE = /^[\w.+-]+(?:\s+[\w.+-]+){0,3}\s+licen[sc]e$/i;
/** Words that make "... license" a description rather than a name ("which has a commercial license", "code license"). */
const GENERIC_WORDS = /\b(a|an|the|this|that|which|has|its|own|same|any|no|full|separate|commercial|custom|restrictive|permissive|non|research|code|repo)\b/i;

/**
 * A license name with the words around it that say what it covers dropped ("License: X",
 * "X for weights:", "X licensed"); a phrase about more than the weights ("for code") stays
 * unresolved.
 */
const trimmed = (text: string) =>
  text
    .replace(/^\s*license:\s*/i, '')
    .replace(/[\s:.]*$/, '')
    .replace(/\s+(for (the )?(model|weights))$/i, '')
    .replace(/\s+licen[sc]ed$/i, '')
    .replace(/2,0/, '2.0');

const key = (text: string) => text.toLowerCase().replace(/\blicen[sc]e\b/g, '').replace(/[^a-z0-9]+/g, '');

/** Spellings seen in the datasets that neither SPDX nor the registry's names and Hub tags cover. */
const FREE_TEXT: Record<string, string> = {
  'Apache 2.0': 'Apache-2.0',
  'Apache 2': 'Apache-2.0',
  'Apache License 2.0': 'Apache-2.0',
  'MIT License': 'MIT',
  'CC BY 4.0': 'CC-BY-4.0',
  'CC BY-NC 4.0': 'CC-BY-NC-4.0',
  'CC BY-NC-SA 4.0': 'CC-BY-NC-SA-4.0',
  'CC BY-SA 4.0': 'CC-BY-SA-4.0',
  'Creative Commons Attribution Non Commercial 4.0': 'CC-BY-NC-4.0',
  'Attribution-NonCommercial-ShareAlike 4.0 International': 'CC-BY-NC-SA-4.0',
  'Attribution-NonCommercial 4.0 International': 'CC-BY-NC-4.0',
  'Stability AI Community License': 'LicenseRef-stability-community',
  'BSD-3': 'BSD-3-Clause',
  'GPL-3.0': 'GPL-3.0-only',
  'GPL 3.0': 'GPL-3.0-only',
  'AGPL-3.0': 'AGPL-3.0-only',
  'Llama 2 Community': 'LicenseRef-llama-2',
  'Llama 2 Community License': 'LicenseRef-llama-2',
  'Llama 3 Community': 'LicenseRef-llama-3',
  'Llama 3.1 Community': 'LicenseRef-llama-3.1',
  'Llama 3.2 Community': 'LicenseRef-llama-3.2',
  'Llama 3.3 Community': 'LicenseRef-llama-3.3',
  'Llama 4 Community': 'LicenseRef-llama-4',
  Gemma: 'LicenseRef-gemma',
  'Gemma license': 'LicenseRef-gemma',
  'Gemma Terms of Use': 'LicenseRef-gemma',
  'DeepSeek License': 'LicenseRef-deepseek',
  'Qwen License': 'LicenseRef-qwen',
  'Tongyi Qianwen': 'LicenseRef-tongyi-qianwen',
  'Yi License': 'LicenseRef-yi',
  'OpenRAIL-M': 'LicenseRef-openrail-m',
  'BigScience RAIL 1.0': 'LicenseRef-bigscience-bloom-rail-1.0',
  'CreativeML OpenRAIL-M': 'LicenseRef-creativeml-openrail-m',
};
