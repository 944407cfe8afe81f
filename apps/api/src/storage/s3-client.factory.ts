import type { S3Client } from '@aws-sdk/client-s3';
import type { GuardedAgents } from '../outbound/guarded-agent';
import type { AwsSdk } from './aws-sdk';

export interface S3ClientOptions {
  region: string;
  endpoint?: string;
  /** Without keys the SDK's default chain applies (environment, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /**
   * Route every connection through the SSRF guard: required for endpoints a customer supplies
   * (`outbound.guardedAgents()`); Satchel's own S3_ENDPOINT is trusted configuration.
   */
  agents?: GuardedAgents;
}

/** An S3Client for AWS S3 or an S3-compatible service (MinIO, R2, s3rver); see `loadAwsSdk`. */
export function s3ClientWith({ s3 }: AwsSdk, options: S3ClientOptions): S3Client {
  const credentials =
    options.accessKeyId && options.secretAccessKey
      ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
      : undefined;
  return new s3.S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials,
    // S3-compatible services often reject the SDK's default CRC32 trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: options.agents
      ? { httpAgent: options.agents.httpAgent, httpsAgent: options.agents.httpsAgent }
      : undefined,
  });
}
