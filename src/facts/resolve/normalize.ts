/**
 * Keys for comparing names across datasets. Two spellings of one name ("Llama 3.1 405B",
 * "llama-3.1-405b", "Llama-3.1-405B") get the same key: case, accents, spaces and punctuation
 * are dropped. Nothing else is: "405B" and "405B Instruct" stay different releases.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // "Command R+" is not "Command R"
    .replace(/\+/g, 'plus')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Further keys a name may be written under: without a leading organization word ("Meta Llama 3
 * 8B" under Meta) and without the Hub's `-hf` conversion suffix.
 */
export function nameKeyVariants(name: string, orgWords: readonly string[]): string[] {
  const base = nameKey(name);
  const out = new Set([base]);
  const noHf = base.replace(/hf$/, '');
  if (/-hf$/i.test(name.trim()) && noHf.length >= 3) out.add(noHf);
  for (const word of orgWords) {
    const w = nameKey(word);
    if (w.length >= 2 && base.startsWith(w) && /[a-z]/.test(base.slice(w.length)) && /\d/.test(base.slice(w.length))) out.add(base.slice(w.length));
  }
  return [...out];
}

/** Organization spellings: "DeepSeek", "DeepSeek AI", "deepseek-ai" and "DeepSeek, Inc." meet on one key. */
export function orgKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/\b(ai|inc|ltd|llc|corp|corporation|co|gmbh|sas|sa|plc|limited|company|technologies|technology)\b\.?/g, ' ')
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * A lowercase id slug from a display name. Organization names drop parentheticals ("Mila -
 * Quebec AI (originally ...)" -> "mila-quebec-ai"); release names keep them, since they often
 * carry the version ("GPT-4o (2024-08-06)" -> "gpt-4o-2024-08-06").
 */
export function slugify(name: string, opts: { keepParentheticals?: boolean } = {}): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\+/g, '-plus')
    .replace(/\(.*?\)/g, (m) => (opts.keepParentheticals ? ` ${m.slice(1, -1)} ` : ' '))
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/(^[-.]+)|([-.]+$)/g, '')
    .replace(/-\.|\.-/g, '-')
    .replace(/-+/g, '-');
}
