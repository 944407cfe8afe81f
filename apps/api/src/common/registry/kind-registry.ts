/**
 * Implementations of one port, one per kind, registered by the modules that own them (Nest has no
 * multi-providers): the port's module depends on nobody, its implementers depend on it. Listed in a
 * fixed order whatever order the modules start in.
 */
export class KindRegistry<K extends string, T extends { readonly kind: K }> {
  private readonly byKind = new Map<K, T>();

  constructor(
    private readonly what: string,
    private readonly order: readonly K[],
  ) {}

  register(item: T): void {
    if (this.byKind.has(item.kind)) throw new Error(`${this.what} "${item.kind}" is registered twice`);
    this.byKind.set(item.kind, item);
  }

  /** The one registered for this kind; throws (a wiring mistake) when there is none. */
  get(kind: K): T {
    const item = this.byKind.get(kind);
    if (!item) throw new Error(`No ${this.what} registered for "${kind}"`);
    return item;
  }

  all(): T[] {
    return this.order.flatMap((k) => this.byKind.get(k) ?? []);
  }
}
