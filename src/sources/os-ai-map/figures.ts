/**
 * Hub figures in the short notes the Open Source AI Map keeps beside each cited page ("~3,294
 * downloads last month", "149 likes", "27 finetunes / 14 quantizations"). Only numbers are
 * taken, never the words around them. A figure given as a floor ("1.29M+", "40+") is no count
 * and is left out, as are downloads counted anywhere but the Hub (PyPI, GitHub).
 */
export interface HubFigures {
  downloads30d?: number;
  likes?: number;
  finetunes?: number;
  adapters?: number;
  quantizations?: number;
  merges?: number;
}

// A number as the notes write it: "3,294", "133.6k", "1.23k", "5.2M", optionally after "~".
const NUMBER = String.raw`~?\s*(\d[\d,]*(?:\.\d+)?)\s*([kKmM])?(?![\w+])`;

const DOWNLOADS_30D = [
  new RegExp(NUMBER + String.raw`\s+downloads?\s*(?:last month|in the last month|\/\s*month|\/\s*mo\b|per month|a month)`, 'i'),
  new RegExp(NUMBER + String.raw`\s+monthly downloads`, 'i'),
  new RegExp(String.raw`downloads last month:\s*` + NUMBER, 'i'),
];

const COUNTS: [keyof HubFigures, RegExp][] = [
  ['likes', new RegExp(NUMBER + String.raw`\s+likes\b`, 'i')],
  ['finetunes', new RegExp(NUMBER + String.raw`\s+fine-?tunes\b`, 'i')],
  ['adapters', new RegExp(NUMBER + String.raw`\s+adapters\b`, 'i')],
  ['quantizations', new RegExp(NUMBER + String.raw`\s+quantizations\b`, 'i')],
  ['merges', new RegExp(NUMBER + String.raw`\s+merges\b`, 'i')],
];

export function hubFigures(note: string): HubFigures {
  const out: HubFigures = {};
  // Figures about another registry's downloads are not Hub adoption.
  const hubOnly = !/\b(pypi|npm|github|docker|crates|stars?)\b/i.test(note);
  if (hubOnly) {
    for (const re of DOWNLOADS_30D) {
      const m = re.exec(note);
      if (m) {
        out.downloads30d = count(m[1]!, m[2]);
        break;
      }
    }
  }
  for (const [key, re] of COUNTS) {
    const m = re.exec(note);
    if (m) out[key] = count(m[1]!, m[2]);
  }
  return out;
}

function count(digits: string, suffix: string | undefined): number {
  const n = Number(digits.replace(/,/g, ''));
  const scale = suffix ? (suffix.toLowerCase() === 'k' ? 1e3 : 1e6) : 1;
  return Math.round(n * scale);
}
