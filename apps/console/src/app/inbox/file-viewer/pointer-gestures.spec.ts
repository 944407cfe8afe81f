import { PointerGestures } from './pointer-gestures';

describe('viewer pointer gestures', () => {
  it('drags with one pointer and pinches with two', () => {
    const pan = jest.fn();
    const pinch = jest.fn();
    const g = new PointerGestures({ pan, pinch });
    g.down(1, { x: 0, y: 0 });
    g.move(1, { x: 10, y: 5 });
    expect(pan).toHaveBeenCalledWith(10, 5);
    g.down(2, { x: 110, y: 5 });
    g.move(2, { x: 210, y: 5 });
    expect(pinch).toHaveBeenCalledWith(2, 110, 5);
    g.up(1);
    g.up(2);
    g.move(2, { x: 0, y: 0 });
    expect(pan).toHaveBeenCalledTimes(1);
  });
});
