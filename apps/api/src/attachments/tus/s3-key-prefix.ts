import type { S3 } from '@aws-sdk/client-s3';

const KEYED = new Set([
  'putObject',
  'getObject',
  'headObject',
  'deleteObject',
  'deleteObjects',
  'createMultipartUpload',
  'uploadPart',
  'listParts',
  'completeMultipartUpload',
  'abortMultipartUpload',
  'listMultipartUploads',
]);

type Params = Record<string, unknown> & {
  Key?: string;
  KeyMarker?: string;
  Delete?: { Objects?: { Key?: string }[] };
};
type Result = Record<string, unknown> & {
  Key?: string;
  NextKeyMarker?: string;
  Uploads?: { Key?: string }[];
};

/**
 * `@tus/s3-store` names its objects by upload id at the bucket's root; this client puts them under
 * `prefix` instead (out of the consistency check's listing of Satchel's own objects) and lists only
 * the multipart uploads under it, so the expiry sweep never touches another writer's uploads.
 */
export function underPrefix(client: S3, prefix: string): S3 {
  const add = (k: string | undefined) => (k === undefined ? k : `${prefix}${k}`);
  const strip = (k: string | undefined) => (k?.startsWith(prefix) ? k.slice(prefix.length) : k);
  const inParams = (name: string, params: Params): Params => {
    const out: Params = { ...params };
    if (typeof params.Key === 'string') out.Key = add(params.Key);
    if (params.Delete?.Objects)
      out.Delete = {
        ...params.Delete,
        Objects: params.Delete.Objects.map((o) => ({ ...o, Key: add(o.Key) })),
      };
    if (name === 'listMultipartUploads') {
      out.Prefix = prefix;
      out.KeyMarker = add(params.KeyMarker);
    }
    return out;
  };
  const inResult = (result: Result): Result => ({
    ...result,
    Key: strip(result.Key),
    NextKeyMarker: strip(result.NextKeyMarker),
    Uploads: result.Uploads?.map((u) => ({ ...u, Key: strip(u.Key) })),
  });
  return new Proxy(client, {
    get(target, name, receiver) {
      const member: unknown = Reflect.get(target, name, receiver);
      if (typeof name !== 'string' || typeof member !== 'function' || !KEYED.has(name)) return member;
      return async (params: Params, ...rest: unknown[]) => {
        const call = member as (p: Params, ...r: unknown[]) => Promise<Result>;
        return inResult(await call.call(target, inParams(name, params), ...rest));
      };
    },
  });
}
