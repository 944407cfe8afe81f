/** The image's place in the viewer: a scale relative to "fit" and an offset from the centre, in CSS pixels. */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export const FIT: View = { scale: 1, x: 0, y: 0 };
export const MIN_SCALE = 1;
export const MAX_SCALE = 8;
/** One button press or key: ×1.25 in, ÷1.25 out. */
export const STEP = 1.25;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Zooms by `factor` keeping the point (`px`, `py`, relative to the stage's centre) where it is,
 * the way maps and photo viewers do; back at fit the image is centred again.
 */
export function zoomAt(v: View, factor: number, px = 0, py = 0): View {
  const scale = clamp(v.scale * factor, MIN_SCALE, MAX_SCALE);
  if (scale === MIN_SCALE) return FIT;
  const k = scale / v.scale;
  return { scale, x: px - (px - v.x) * k, y: py - (py - v.y) * k };
}

/** Moves a zoomed image; at fit there is nothing to pan. */
export function panBy(v: View, dx: number, dy: number): View {
  return v.scale === MIN_SCALE ? v : { ...v, x: v.x + dx, y: v.y + dy };
}

/** The CSS transform of the view. */
export function transformOf(v: View): string {
  return `translate(${v.x}px, ${v.y}px) scale(${v.scale})`;
}
