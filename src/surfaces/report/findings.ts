import { countryName } from '../../domain/index.js';
import type { ReportData } from './data.js';
import { describeWindow } from '../../analytics/evidence-window.js';

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${Math.round((100 * n) / d)}%`);

/** The report's headline findings, as plain sentences computed from its data. */
export function headlineFindings(d: ReportData): string[] {
  const c = d.counts;
  const out = [
    `As of ${d.as_of} the fact base records ${c.releases} releases from ${c.labs} labs in ${c.countries} countries; ${pct(c.open_all, c.releases)} of them have downloadable weights.`,
    `In the last 12 months, ${c.open_12m} of ${c.releases_12m} releases (${pct(c.open_12m, c.releases_12m)}) had downloadable weights, against ${c.open_prior} of ${c.releases_prior} (${pct(c.open_prior, c.releases_prior)}) in the 12 months before.`,
  ];
  // How current the capability evidence is comes before any finding that rests on it.
  const w = d.bestOpen.window;
  out.push(`Evidence window: ${describeWindow(w)}.${w.status === 'stale' || w.status === 'none' ? ' The capability findings below rest on no current score.' : w.status === 'partial' ? ' The capability findings below leave the unscored flagships out.' : ''}`);
  const top = d.bestOpen.ranking[0];
  if (top) {
    const lead = d.bestOpen.shares[0]!;
    out.push(
      `The best open-weights release on ${d.measure} is ${top.name} (${top.org_name}, ${top.countries.map(countryName).join('/')}) with ${top.score}; ${countryName(lead.country)} accounts for ${lead.count} of the top ${d.bestOpen.ranking.length}.`,
    );
  } else out.push(`No open-weights release has a ${d.measure} score as of ${d.as_of}, so the capability findings are empty.`);
  const last = d.gap.series.at(-1);
  if (last?.best_open != null && last.best_closed != null) {
    out.push(
      `On ${d.measure}, the best closed release scores ${last.best_closed} and the best open-weights one ${last.best_open}; open models stand where the closed frontier stood ${d.gap.behind_months} month(s) earlier${d.gap.trend.direction === 'unknown' ? '' : `, and the catch-up lag is ${d.gap.trend.direction}`}.`,
    );
  }
  if (d.claims.length) {
    const count = (v: string) => d.claims.filter((x) => x.said.verdict === v).length;
    out.push(
      `Of ${d.claims.length} claims checked as of the day they were made, ${count('supported')} are supported, ${count('partly-supported')} partly supported, ${count('contradicted')} contradicted and ${count('not-enough-data')} lack data; ${d.claims.filter((x) => x.said.verdict !== x.now.verdict).length} verdict(s) differ as of ${d.as_of}${d.claims.some((x) => x.said.stale || x.now.stale) ? `; ${d.claims.filter((x) => x.said.stale || x.now.stale).length} rest on stale evidence` : ''}.`,
    );
  }
  const retreats = d.signals.filter((s) => s.direction === 'retreat');
  if (d.signals.length) out.push(`In the last 24 months there were ${retreats.length} retreat and ${d.signals.length - retreats.length} advance signals${retreats.length ? `, the latest retreat being ${retreats[0]!.org_name}: ${retreats[0]!.title}` : ''}.`);
  return out;
}
