import type { Readable } from 'node:stream';
import type { DataStore } from './tus-modules';

/** Where tus keeps an upload until it is complete and recorded: local disk or S3 multipart. */
export type StagingStore = DataStore & {
  /** The bytes of a completed upload. */
  openRead(id: string): Promise<Readable>;
  /** Ids of completed uploads whose last byte arrived before `cutoff` (for the completion sweep). */
  completedBefore(cutoff: Date): Promise<string[]>;
};
