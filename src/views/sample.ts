/**
 * Small samples: a share drawn from fewer releases than this is shown (with its n) but greyed,
 * never joined into a trend line and never ranked in a headline. At ten releases one release moves a
 * share by at most 10 points, so a ranking is not decided by one model; documented in README.md.
 */
export const MIN_SAMPLE = 10;

/** Every period label from the first to the last, in order: `2023`, `2023-H2`, `2024-Q1`. */
export function periodRange(first: string, last: string, period: 'year' | 'half' | 'quarter'): string[] {
  const per = period === 'year' ? 1 : period === 'half' ? 2 : 4;
  const index = (p: string) => Number(p.slice(0, 4)) * per + (per === 1 ? 0 : Number(p.slice(6)) - 1);
  const label = (i: number) => {
    const y = Math.floor(i / per);
    return per === 1 ? String(y) : `${y}-${per === 2 ? 'H' : 'Q'}${(i % per) + 1}`;
  };
  const out: string[] = [];
  for (let i = index(first); i <= index(last); i++) out.push(label(i));
  return out;
}

/** The period label a day falls in. */
export function periodOf(day: string, period: 'year' | 'half' | 'quarter'): string {
  const y = day.slice(0, 4);
  const m = Number(day.slice(5, 7) || '1');
  return period === 'year' ? y : period === 'half' ? `${y}-H${m <= 6 ? 1 : 2}` : `${y}-Q${Math.ceil(m / 3)}`;
}
