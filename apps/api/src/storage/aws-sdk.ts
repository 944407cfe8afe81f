export interface AwsSdk {
  s3: typeof import('@aws-sdk/client-s3');
  storage: typeof import('@aws-sdk/lib-storage');
}

let loading: Promise<AwsSdk> | undefined;

/**
 * The AWS SDK, loaded on first use: it adds about 20 MiB to the process, which a deployment on disk
 * storage that never exports to S3 should not carry.
 */
export function loadAwsSdk(): Promise<AwsSdk> {
  loading ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]).then(
    ([s3, storage]) => ({ s3, storage }),
  );
  return loading;
}
