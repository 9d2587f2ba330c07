/**
 * Short phrases of Epoch's free-text accessibility notes that may each name a license ("Apache
 * 2.0, includes train code", "MIT: https://...", "model (Apache 2.0 license): ...",
 * "Deepseek License for weights", "The License of X is Apache2.0"). Each line is cut at URLs and
 * clause breaks (`, ` `; ` `: ` `. `), and a parenthetical is tried on its own and dropped from
 * its clause. A line labelled `code:` and the lines under it speak of the code and are skipped
 * until a `weights:` label. The phrases are candidates only: the merge takes a license when the
 * ones that match a known license name exactly name one license between them, so a note naming
 * one license for the code and another for the weights gives none, and prose ("the repo is
 * Apache 2.0") matches nothing.
 */
export function licensePhrases(notes: string | undefined): string[] {
  if (!notes || DOUBT.test(notes)) return [];
  // A note that says the weights are non-commercial or research-only only names a license that says so itself.
  const nonCommercial = NON_COMMERCIAL.test(notes);
  const out = new Set<string>();
  const add = (text: string) => {
    let t = text
      .replace(/["“”]/g, '')
      .replace(/^[\s|+*-]+|[\s|+*.:,;-]+$/g, '')
      // "... is X", "weights are released under X": what follows names the license.
      .replace(/^.*\b(?:licen[sc]e of .+ is|weights (?:are )?(?:released |licensed |distributed )?under(?: the)?)\s+/i, '')
      .trim();
    // "X for weights", "X code/weights", "X for code and weights": the license of the weights, which is what we want;
    // "X for code" stays as it is and matches nothing.
    const tail = /\s+(?:for\s+)?(?:the\s+)?((?:model|code|weights|data|checkpoints)(?:\s*(?:\/|\+|&|and)\s*(?:model|code|weights|data|checkpoints))*)$/i.exec(t);
    if (tail && /weights|model|checkpoints/i.test(tail[1]!)) t = t.slice(0, tail.index).trim();
    if (t && t.length <= 60 && (!nonCommercial || NC_LICENSE.test(t))) out.add(t);
  };
  let about: 'code' | 'weights' | undefined;
  for (const line of notes.split(/\r?\n/)) {
    const label = /^\s*(code|weights|model weights|model)\s*:?\s*$/i.exec(line);
    if (label) {
      about = label[1]!.toLowerCase() === 'code' ? 'code' : 'weights';
      continue;
    }
    if (about === 'code') continue;
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
