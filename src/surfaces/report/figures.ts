import { countryName } from '../../domain/index.js';
import { barChart, heatmap, lineChart, type Bar, type Cell, type SeriesPoint } from './charts.js';
import type { ReportData } from './data.js';
import { countryColor, OPEN_CLOSED } from '../web/charts/palette.js';

export interface Figure {
  id: string;
  title: string;
  caption: string;
  svg: string;
}

const TOP_COUNTRIES = 6;
const TOP_LABS = 12;
const YEARS = 8;
const short = (name: string) => (name.length > 26 ? `${name.slice(0, 25)}…` : name);

/** The report's charts as SVG text, each with a caption saying what is plotted. */
export function reportFigures(d: ReportData): Figure[] {
  const figures: Figure[] = [];

  const releasesPerCountry = new Map<string, number>();
  for (const r of d.byCountry.rows) releasesPerCountry.set(r.group, (releasesPerCountry.get(r.group) ?? 0) + r.releases);
  const countries = [...releasesPerCountry.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_COUNTRIES).map(([c]) => c);
  const firstYear = String(Number(d.as_of.slice(0, 4)) - YEARS + 1);
  const countryPoints: SeriesPoint[] = d.byCountry.rows
    .filter((r) => countries.includes(r.group) && r.releases >= 3 && r.period >= firstYear)
    .map((r) => ({ date: new Date(`${r.period}-07-01T00:00:00Z`), value: r.open_share, series: r.group }));
  figures.push({
    id: 'trajectory-country',
    title: 'Share of releases with downloadable weights, by country and year',
    caption: `The ${countries.length} countries with the most releases, over the last ${YEARS} years; years with fewer than 3 releases are left out. A lab in several countries counts in each.`,
    svg: lineChart(countryPoints, { title: 'Open-weights share by country', y: 'releases with downloadable weights (%)', percent: true, empty: 'no releases as of this date', color: countryColor }),
  });

  const releasesPerLab = new Map<string, { n: number; name: string }>();
  for (const r of d.byOrg.rows) releasesPerLab.set(r.group, { n: (releasesPerLab.get(r.group)?.n ?? 0) + r.releases, name: r.group_name });
  const labs = [...releasesPerLab.entries()].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])).slice(0, TOP_LABS);
  const recentYears = [...new Set(d.byOrg.rows.map((r) => r.period))].sort().slice(-YEARS);
  const cells: Cell[] = d.byOrg.rows
    .filter((r) => labs.some(([id]) => id === r.group) && recentYears.includes(r.period))
    .map((r) => ({ x: r.period, y: short(r.group_name), value: r.open_share, label: `${r.open_weights}/${r.releases}` }));
  figures.push({
    id: 'trajectory-lab',
    title: 'Releases with downloadable weights per lab and year',
    caption: `The ${labs.length} labs with the most releases; each cell reads open-weights releases / releases, shaded by the share.`,
    svg: heatmap(cells, { title: 'Open-weights releases per lab and year', empty: 'no releases as of this date', yOrder: labs.map(([, v]) => short(v.name)) }),
  });

  const bestCountries = [...new Set(d.bestOpen.best_by_country.map((b) => b.country))].slice(0, TOP_COUNTRIES);
  const bestPoints: SeriesPoint[] = d.bestOverTime
    .filter((p) => bestCountries.includes(p.country))
    .map((p) => ({ date: new Date(`${p.date}T00:00:00Z`), value: p.score, series: p.country }));
  figures.push({
    id: 'best-open-country',
    title: `Best open-weights score per country over time (${d.measure})`,
    caption: `At each quarter-end, the highest ${d.measure} score of an open-weights release from each country (${bestCountries.map(countryName).join(', ') || 'none'}).`,
    svg: lineChart(bestPoints, { title: 'Best open-weights score by country', y: d.measure, empty: `no ${d.measure} scores as of this date`, step: true, color: countryColor }),
  });

  const gapPoints: SeriesPoint[] = d.gap.series.flatMap((p) => [
    ...(p.best_open !== null ? [{ date: new Date(`${p.date}T00:00:00Z`), value: p.best_open, series: 'best open' }] : []),
    ...(p.best_closed !== null ? [{ date: new Date(`${p.date}T00:00:00Z`), value: p.best_closed, series: 'best closed' }] : []),
  ]);
  figures.push({
    id: 'frontier-gap',
    title: `The open-closed frontier (${d.measure})`,
    caption: 'At each month-end, the best score of a release with downloadable weights and of one without.',
    svg: lineChart(gapPoints, { title: 'Best open and best closed score', y: d.measure, empty: `no ${d.measure} scores as of this date`, step: true, color: (s) => OPEN_CLOSED[s as keyof typeof OPEN_CLOSED] }),
  });

  // The latest month observed: downloads are a 30-day window, so months are not summed.
  const latestMonth = d.adoption.rows.map((r) => r.period).sort().at(-1);
  const bars: Bar[] = d.adoption.rows
    .filter((r) => r.period === latestMonth && r.downloads_30d !== null)
    .map((r) => ({ label: r.group === 'unattributed' ? 'lab unknown' : countryName(r.group), value: r.downloads_30d! }));
  figures.push({
    id: 'adoption',
    title: `Hugging Face downloads by origin country${latestMonth ? ` (${latestMonth})` : ''}`,
    caption: 'Downloads in the 30 days before each observation, summed over the repos observed that month by the country of the lab behind them; a lab in several countries counts in each. Only the repos with an adoption observation are counted, so this compares the observed repos, not whole countries.',
    svg: barChart(bars, { title: 'Downloads by origin country', x: 'downloads in 30 days', empty: 'no adoption observations as of this date', compact: true }),
  });
  return figures;
}
