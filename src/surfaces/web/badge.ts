import { accessColor } from './charts/palette.js';
import { escapeHtml } from './html.js';
import type { badgeView } from '../../views/badge.js';

type Badge = NonNullable<Awaited<ReturnType<typeof badgeView>>>;

const ROMAN: Record<number, string> = { 1: 'I', 2: 'II', 3: 'III' };

/**
 * An embeddable openness badge (shields-style): "openness | open weights · Apache-2.0-like · MOF III",
 * the whole badge a link back to the release page. Widths are estimated at 7 px a character.
 */
export function badgeSvg(b: Badge, link: string): string {
  const right = [b.access.replace(/-/g, ' '), `license ${b.license_category.replace(/-/g, ' ')}`, b.mof_class ? `MOF ${ROMAN[b.mof_class]}` : 'no MOF class'].join(' · ');
  const lw = 70;
  const rw = Math.ceil(right.length * 6.6) + 14;
  const label = `${b.name}: ${right}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${lw + rw}" height="20" role="img" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title><a xlink:href="${escapeHtml(link)}" href="${escapeHtml(link)}"><rect width="${lw}" height="20" fill="#444"/><rect x="${lw}" width="${rw}" height="20" fill="${accessColor(b.access)}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="12"><text x="8" y="14">openness</text><text x="${lw + 7}" y="14">${escapeHtml(right)}</text></g></a></svg>`;
}
