type ExtrasModule = typeof import('./extras-chunk');

let assetBase = '';
let loading: Promise<ExtrasModule> | null = null;

export function setExtrasAssetBase(base: string): void {
  assetBase = base;
}

/** The occasional parts, fetched once (next to widget.js) with their styles added to `root`. */
export function loadExtras(root: ShadowRoot): Promise<ExtrasModule> {
  loading ??= (import(/* webpackIgnore: true */ `${assetBase}/extras.js`) as Promise<ExtrasModule>).then(
    (mod) => {
      mod.adoptExtrasStyles(root);
      return mod;
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

export type { ExtrasModule };
