import busboy from 'busboy';
import type { Readable } from 'node:stream';
import { BadRequestError, PayloadTooLargeError, ValidationError } from '../../common/errors/domain-errors';
import { bodyProblem } from '../../common/validation/crafted-input';
import { watchForStall, type StallLimit } from './stall-watch';
import { ClientAbortedError, UploadStalledError } from './upload-errors';
import type { MultipartBody } from './multipart-body';

export interface IncomingFile {
  field: string;
  filename: string;
  stream: Readable;
}

export interface MultipartHandlers {
  onField(name: string, value: string): void;
  /** Must consume (or fail on) the file's stream; the next part waits until this settles. */
  onFile(file: IncomingFile): Promise<void>;
}

export interface MultipartLimits {
  files: number;
  /** Bytes per file; busboy truncates after this, the caller's own check reports the error. */
  fileSize: number;
  fields?: number;
  fieldSize?: number;
  /** Too little body for too long (while we are reading) fails with 408 UPLOAD_STALLED. */
  stall: StallLimit;
}

const DRAIN_GRACE_MS = 10_000;
/** Per-file stream buffer: fewer pause/resume turns between parser, meter and storage. */
export const STREAM_BUFFER_BYTES = 256 * 1024;

export function isMultipart(req: MultipartBody): boolean {
  return /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
}

/**
 * Streams a multipart/form-data request through busboy, one part at a time in body order. Resolves
 * when the whole body was read and every `onFile` settled; rejects on the first problem (malformed
 * body, a limit, a client abort or an `onFile` error). After a rejection the rest of the body is
 * discarded (so the client can read the error response) for a grace period, then the socket is closed.
 */
export function readMultipart(
  req: MultipartBody,
  limits: MultipartLimits,
  handlers: MultipartHandlers,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        fileHwm: STREAM_BUFFER_BYTES,
        limits: {
          files: limits.files,
          fileSize: limits.fileSize,
          fields: limits.fields ?? 20,
          fieldSize: limits.fieldSize ?? 64 * 1024,
          parts: limits.files + (limits.fields ?? 20),
        },
      });
    } catch {
      reject(new BadRequestError('Expected a multipart/form-data body'));
      return;
    }
    let settled = false;
    let queue = Promise.resolve();
    let stopStallWatch = () => undefined as void;

    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      stopStallWatch();
      req.off('close', onClose);
      req.unpipe(bb);
      const error = err instanceof Error ? err : new Error(String(err));
      bb.destroy(error);
      if (error instanceof UploadStalledError) closeAfterResponse(req);
      else if (!req.complete && !req.destroyed) discardRest(req);
      // Settle only after the file in progress has finished cleaning up after itself.
      void queue.then(() => reject(error));
    };
    const onClose = () => {
      if (!req.complete) fail(new ClientAbortedError());
    };

    bb.on('field', (name, value, info) => {
      if (info.valueTruncated)
        return fail(new PayloadTooLargeError(`Field ${name} is too long`, { field: name }));
      const problem = bodyProblem({ [name]: value });
      if (problem) return fail(new ValidationError(problem.message, problem.field, { code: problem.code }));
      try {
        handlers.onField(name, value);
      } catch (err) {
        fail(err);
      }
    });
    bb.on('file', (field, stream, info) => {
      // Failures reach the caller through `onFile`/`fail`; busboy may still destroy this stream with
      // the same error after its consumer gave up (a refusal found in the first bytes), and an
      // 'error' nobody listens to would stop the process.
      stream.on('error', () => undefined);
      queue = queue
        .then(() =>
          settled
            ? void stream.resume()
            : handlers.onFile({ field, filename: browserFilename(info.filename), stream }),
        )
        .catch(fail);
    });
    bb.on('filesLimit', () =>
      fail(
        new PayloadTooLargeError(`Too many files: at most ${limits.files} per request`, {
          maxFiles: limits.files,
        }),
      ),
    );
    bb.on('fieldsLimit', () => fail(new PayloadTooLargeError('Too many form fields')));
    bb.on('partsLimit', () => fail(new PayloadTooLargeError('Too many form parts')));
    bb.on('error', (err: Error) => fail(new BadRequestError(`Malformed multipart body: ${err.message}`)));
    bb.on('close', () => {
      void queue.then(() => {
        if (settled) return;
        settled = true;
        stopStallWatch();
        req.off('close', onClose);
        resolve();
      });
    });
    req.on('close', onClose);
    req.pipe(bb);
    // After pipe: a 'data' listener added earlier would start the body flowing on its own.
    stopStallWatch = watchForStall(req, limits.stall, () => fail(new UploadStalledError(limits.stall.ms)));
  });
}

/** A stalled client gets its 408 and then the connection is closed (Node ends it after the response). */
function closeAfterResponse(req: MultipartBody): void {
  if (req.res && !req.res.headersSent) req.res.setHeader('Connection', 'close');
  else req.socket.destroy();
}

function discardRest(req: MultipartBody): void {
  req.resume();
  const timer = setTimeout(() => {
    if (!req.complete) req.socket.destroy();
  }, DRAIN_GRACE_MS);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
}

/** Browsers send a `"` in a file name as `%22` (HTML multipart/form-data encoding); undo that. */
function browserFilename(raw: string | undefined): string {
  return (raw ?? '').replace(/%22/g, '"');
}
