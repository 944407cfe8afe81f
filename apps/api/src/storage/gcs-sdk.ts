export type GcsSdk = typeof import('@google-cloud/storage');

let loading: Promise<GcsSdk> | undefined;

/** The Google Cloud Storage SDK, loaded on first use so deployments on other storage never carry it. */
export function loadGcsSdk(): Promise<GcsSdk> {
  // Compiled to require(): the CommonJS build (and its types) is what actually loads, while TypeScript
  // would type this import() with the package's ESM declarations.
  return (loading ??= import('@google-cloud/storage') as Promise<unknown> as Promise<GcsSdk>);
}
