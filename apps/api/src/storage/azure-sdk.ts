export type AzureSdk = typeof import('@azure/storage-blob');

let loading: Promise<AzureSdk> | undefined;

/** The Azure Blob SDK, loaded on first use so deployments on other storage never carry it. */
export function loadAzureSdk(): Promise<AzureSdk> {
  // Compiled to require(): the CommonJS build (and its types) is what actually loads, while TypeScript
  // would type this import() with the package's ESM declarations.
  return (loading ??= import('@azure/storage-blob') as Promise<unknown> as Promise<AzureSdk>);
}
