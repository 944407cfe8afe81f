import type { Readable, Transform } from 'node:stream';

/** The part of archiver 8's `ZipArchive` this module uses. */
export interface ZipWriter extends Transform {
  /** `store`: kept as is, without deflating (already compressed files). */
  append(source: Readable | Buffer | string, data: { name: string; date?: Date; store?: boolean }): this;
  finalize(): Promise<void>;
  abort(): this;
}

interface ArchiverModule {
  ZipArchive: new (options: { zlib: { level: number } }) => ZipWriter;
}

let archiver: Promise<ArchiverModule> | undefined;

/** A streaming zip (archiver is ESM-only: loaded once, on first use). */
export async function createZip(): Promise<ZipWriter> {
  archiver ??= import('archiver') as unknown as Promise<ArchiverModule>;
  const { ZipArchive } = await archiver;
  return new ZipArchive({ zlib: { level: 6 } });
}

/** A file's path in the zip: its id keeps names unique; the name is already sanitized at upload. */
export function zipPathOf(file: { id: string; name: string }): string {
  return `files/${file.id}/${file.name.replace(/[\\/]/g, '_')}`;
}
