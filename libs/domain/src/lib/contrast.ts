/** WCAG 2.x contrast: relative luminance of sRGB colours and their ratio (1 to 21). */

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;
/** The ratio WCAG AA asks for normal-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

function channel(v: number): number {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of `#rrggbb`; throws on anything else. */
export function luminance(hex: string): number {
  if (!HEX_COLOR.test(hex)) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or black, whichever reads better on `background`. */
export function readableTextOn(background: string): '#ffffff' | '#000000' {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}

/** Rounded down to two decimals, so a shown 4.5 never hides a 4.499. */
export function roundRatio(r: number): number {
  return Math.floor(r * 100) / 100;
}
