export interface Point {
  x: number;
  y: number;
}

export interface GestureHandlers {
  /** One pointer dragged by dx, dy. */
  pan(dx: number, dy: number): void;
  /** Two pointers moved apart (factor > 1) or together, around their midpoint. */
  pinch(factor: number, x: number, y: number): void;
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Drag with one pointer (mouse, pen, finger), pinch with two: what the viewer's stage needs. */
export class PointerGestures {
  private readonly pointers = new Map<number, Point>();

  constructor(private readonly on: GestureHandlers) {}

  down(id: number, at: Point): void {
    this.pointers.set(id, at);
  }

  move(id: number, at: Point): void {
    const before = this.pointers.get(id);
    if (!before) return;
    const others = [...this.pointers].filter(([k]) => k !== id).map(([, p]) => p);
    this.pointers.set(id, at);
    if (others.length === 0) return this.on.pan(at.x - before.x, at.y - before.y);
    const other = others[0];
    const was = distance(before, other);
    if (was > 0) this.on.pinch(distance(at, other) / was, (at.x + other.x) / 2, (at.y + other.y) / 2);
  }

  up(id: number): void {
    this.pointers.delete(id);
  }
}
