// s3rver ships no types: its declarations travel with the toolkit to every project that imports it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./s3rver.d.ts" />
/** Test-only toolkit shared by apps/api/test, apps/api-e2e, apps/e2e and apps/faults. */
export { default as S3rver } from 's3rver';
export * from './built-api';
export * from './clamd';
export * from './database';
export * from './net';
export * from './queues';
export * from './s3-server';
export * from './smtp-server';
export * from './wait-for';
export * from './zip';
