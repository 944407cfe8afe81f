import type { MasterKey } from './master-key';

/** The configured master keys: the first wraps new data keys, every one unwraps what it wrapped. */
export class KeyRing {
  private readonly keys: Map<string, MasterKey>;

  constructor(readonly all: MasterKey[]) {
    if (all.length === 0) throw new Error('a key ring needs at least one master key');
    this.keys = new Map(all.map((k) => [k.id, k]));
  }

  get current(): MasterKey {
    return this.all[0];
  }

  find(id: string): MasterKey | undefined {
    return this.keys.get(id);
  }
}
