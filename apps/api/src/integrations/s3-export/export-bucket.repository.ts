import type { S3Client } from '@aws-sdk/client-s3';
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { OutboundHttpService } from '../../outbound/outbound-http.service';
import { loadAwsSdk, type AwsSdk } from '../../storage/aws-sdk';
import { s3ClientWith } from '../../storage/s3-client.factory';

/** A customer's bucket, with the keys already unsealed (they never leave this process or reach logs). */
export interface ExportTarget {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  bucket: string;
  endpoint: string | null;
}

const PART_SIZE = 8 * 1024 * 1024;

/** The customer's S3 bucket (seed 002 "Uploading files on AWS"), reached only through the SSRF guard. */
@Injectable()
export class ExportBucketRepository {
  constructor(private readonly outbound: OutboundHttpService) {}

  async exists(t: ExportTarget, key: string): Promise<boolean> {
    return this.withClient(t, async (s3, sdk) => {
      try {
        await s3.send(new sdk.s3.HeadObjectCommand({ Bucket: t.bucket, Key: key }));
        return true;
      } catch (err) {
        if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
          return false;
        throw err;
      }
    });
  }

  /** Streams the object (multipart above 8 MiB, so memory stays bounded for any size). */
  async upload(t: ExportTarget, key: string, body: Readable, contentType: string): Promise<void> {
    await this.withClient(t, (s3, sdk) =>
      new sdk.storage.Upload({
        client: s3,
        params: { Bucket: t.bucket, Key: key, Body: body, ContentType: contentType },
        partSize: PART_SIZE,
        queueSize: 2,
      }).done(),
    );
  }

  /** Writes then deletes a small object: proves the keys, the bucket and write access. */
  async probe(t: ExportTarget, key: string): Promise<void> {
    await this.withClient(t, async (s3, sdk) => {
      await s3.send(
        new sdk.s3.PutObjectCommand({
          Bucket: t.bucket,
          Key: key,
          Body: 'Satchel export test',
          ContentType: 'text/plain',
        }),
      );
      await s3.send(new sdk.s3.DeleteObjectCommand({ Bucket: t.bucket, Key: key }));
    });
  }

  private async withClient<T>(t: ExportTarget, work: (s3: S3Client, sdk: AwsSdk) => Promise<T>): Promise<T> {
    const sdk = await loadAwsSdk();
    // Keys are always given: the SDK's default credential chain (env, instance role) never applies here.
    const s3 = s3ClientWith(sdk, {
      region: t.region,
      endpoint: t.endpoint ?? undefined,
      forcePathStyle: Boolean(t.endpoint),
      accessKeyId: t.accessKeyId,
      secretAccessKey: t.secretAccessKey,
      agents: this.outbound.guardedAgents(),
    });
    try {
      return await work(s3, sdk);
    } finally {
      s3.destroy();
    }
  }
}
