/**
 * Short phrases of Epoch's free-text accessibility notes that may each name a license ("Apache
 * 2.0, includes train code", "MIT: https://...", "model (Apache 2.0 license): ...",
 * "Deepseek License for weights"). Each line is cut at URLs and clause breaks (`, ` `; ` `: `
 * `. `), and a parenthetical is tried on its own and dropped from its clause. The phrases are
 * candidates only: the merge takes a license when the ones that match a known license name
 * exactly name one license between them, so a note naming one license for the code and another
 * for the weights gives none, and prose ("the repo is Apache 2.0") matches nothing.
 */
export function licensePhrases(notes: string | undefined): string[] {
  if (!notes || DOUBT.test(notes)) return [];
  // A note that says the weights are non-commercial or research-only only names a license that says so itself.
  const nonCommercial = NON_COMMERCIAL.test(notes);
  const out = new Set<string>();
  const add = (text: string) => {
    const t = text
      .replace(/["“”]/g, '')
      .replace(/^[\s|+*-]+|[\s|+*.:,;-]+$/g, '')
      // "X weights", "X for (the) (model) weights": the license of the weights, which is what we want.
      .replace(/\s+(for\s+)?(the\s+)?(model\s+)?weights$/i, '')
      .trim();
    if (t && t.length <= 60 && (!nonCommercial || NC_LICENSE.test(t))) out.add(t);
  };
  for (const line of notes.split(/\r?\n/)) {
    const bare = line.replace(/https?:\s*\/\/\S+/g, ' ');
    for (const clause of bare.split(/[,;]\s+|:\s+|:$|\.\s+|\s\|\s/)) {
      for (const m of clause.matchAll(/\(([^()]*)\)/g)) add(m[1]!);
      add(clause.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' '));
    }
  }
  return [...out];
}

/** Epoch doubting its own reading ("unclear license", "MIT, though probably subject to Llama 2"): no license. */
const DOUBT = /\b(but|though|however|unclear|not sure|no clear|not clear|only appears to apply|not to the weights|is under|are under)\b/i;
const NON_COMMERCIAL = /non[-\s]?commercial|research (purposes |use )?only|not intended to be commercially/i;
const NC_LICENSE = /\bNC\b|non[-\s]?commercial/i;
