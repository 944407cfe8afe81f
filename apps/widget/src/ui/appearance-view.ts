import type { WidgetAppearance } from '@satchel/contracts';
import { contrastRatio, HEX_COLOR, MIN_TEXT_CONTRAST, readableTextOn } from '@satchel/domain';

const DEFAULT_BRAND = '#3056d3';

/**
 * The brand colours as custom properties on the shadow host. The colour is checked again here (it
 * goes into CSS); the text colour is recomputed; text in the brand colour on white falls back to the
 * body colour when it would not reach 4.5:1.
 */
export function brandCss(a: Pick<WidgetAppearance, 'brandColor'>): string {
  const brand = HEX_COLOR.test(a.brandColor) ? a.brandColor.toLowerCase() : DEFAULT_BRAND;
  const ink = contrastRatio(brand, '#ffffff') >= MIN_TEXT_CONTRAST ? brand : '#1f2430';
  return `:host { --brand: ${brand}; --on-brand: ${readableTextOn(brand)}; --brand-ink: ${ink}; }`;
}

export function chatIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '26');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute(
    'd',
    'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8.5L4 21.5V18a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z',
  );
  svg.append(path);
  return svg;
}
