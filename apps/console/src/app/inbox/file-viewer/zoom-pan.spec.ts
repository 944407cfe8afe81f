import { FIT, MAX_SCALE, panBy, STEP, transformOf, zoomAt } from './zoom-pan';

describe('viewer zoom and pan', () => {
  it('zooms in and out by steps, never below fit or above the maximum', () => {
    const once = zoomAt(FIT, STEP);
    expect(once.scale).toBeCloseTo(1.25);
    expect(zoomAt(once, 1 / STEP)).toEqual(FIT);
    expect(zoomAt(FIT, 1 / STEP)).toEqual(FIT);
    let v = FIT;
    for (let i = 0; i < 30; i++) v = zoomAt(v, STEP);
    expect(v.scale).toBe(MAX_SCALE);
  });

  it('keeps the point under the pointer in place', () => {
    const v = zoomAt(FIT, 2, 100, 50);
    // The point 100,50 from the centre was at 100,50 and is still there: x + 100 * 2 = 100.
    expect(v).toEqual({ scale: 2, x: -100, y: -50 });
  });

  it('pans only when zoomed', () => {
    expect(panBy(FIT, 30, 20)).toEqual(FIT);
    expect(panBy({ scale: 2, x: 0, y: 0 }, 30, 20)).toEqual({ scale: 2, x: 30, y: 20 });
    expect(transformOf({ scale: 2, x: 30, y: 20 })).toBe('translate(30px, 20px) scale(2)');
  });
});
